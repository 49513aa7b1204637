namespace Simulator.OdooEmulator.Attachments;

/// <summary>
/// Where attachment contents go: S3 when <c>Odoo:S3:Endpoint</c> is configured (objects keyed by
/// Odoo's filestore path <c>ab/abcdef...</c>, the SHA-1 of the content), else the database
/// (Odoo's <c>ir_attachment.location = db</c>).
/// </summary>
internal sealed class AttachmentStorage(S3Client? s3)
{
    /// <summary>True when contents go to S3.</summary>
    public bool UsesS3 => s3 is not null;

    /// <summary>Odoo's filestore name for content with this SHA-1.</summary>
    public static string StoreName(string checksum)
    {
        ArgumentNullException.ThrowIfNull(checksum);
        return $"{checksum[..2]}/{checksum}";
    }

    public Task PutAsync(string storeName, byte[] content, CancellationToken cancellationToken) =>
        (s3 ?? throw new InvalidOperationException("S3 is not configured")).PutObjectAsync(storeName, content, cancellationToken);

    public Task<byte[]> GetAsync(string storeName, CancellationToken cancellationToken) =>
        (s3 ?? throw new InvalidOperationException("S3 is not configured")).GetObjectAsync(storeName, cancellationToken);
}
