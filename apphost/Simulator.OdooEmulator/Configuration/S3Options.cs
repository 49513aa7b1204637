namespace Simulator.OdooEmulator.Configuration;

/// <summary>
/// Object storage for attachment contents (<c>ir.attachment.datas</c>). Without an endpoint the
/// contents stay in the database, as Odoo's <c>ir_attachment.location = db</c>.
/// </summary>
internal sealed record S3Options
{
    /// <summary>Base URL of the S3 API (<c>http://127.0.0.1:4569</c>); path-style addressing is used.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Bucket the contents go to; created on first use if missing.</summary>
    public string Bucket { get; init; } = "odoo-attachments";

    /// <summary>Access key id for AWS Signature Version 4.</summary>
    public string AccessKey { get; init; } = "";

    /// <summary>Secret access key for AWS Signature Version 4.</summary>
    public string SecretKey { get; init; } = "";

    /// <summary>Signing region.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Bound on one S3 request.</summary>
    public int TimeoutMs { get; init; } = 5000;

    /// <summary>True when attachment contents go to S3.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
