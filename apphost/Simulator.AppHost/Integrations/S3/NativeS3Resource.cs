namespace Simulator.AppHost.Integrations.S3;

/// <summary>
/// S3-compatible object storage run from npm's <c>s3rver</c> (the native face of the design's MinIO), keeping its
/// buckets in the run folder. Its connection string is the S3 API's base URL; clients use path-style addressing.
/// </summary>
public sealed class NativeS3Resource(string name, string workingDirectory, string dataDirectory, string bucket)
    : ExecutableResource(name, "s3rver", workingDirectory), IResourceWithConnectionString
{
    /// <summary>Name of the HTTP endpoint the S3 API listens on.</summary>
    public const string EndpointName = "http";

    /// <summary>The access key id s3rver accepts (its only one; it cannot be configured).</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>The secret key that goes with <see cref="AccessKey"/>.</summary>
    public const string SecretKey = "S3RVER";

    /// <summary>Where s3rver keeps buckets and objects (one folder per bucket).</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The bucket created at start, for attachment contents.</summary>
    public string Bucket { get; } = bucket;

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"http://127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}
