namespace Simulator.AppHost.Integrations.Minio;

/// <summary>A region's MinIO (the <c>containers</c> face of object storage), with the run's root credentials.</summary>
public sealed class MinioContainerResource(string name, string accessKey, string secretKey) : ContainerResource(name)
{
    /// <summary>Name of the S3 API endpoint.</summary>
    public const string ApiEndpointName = "s3";

    /// <summary>Name of the web console endpoint.</summary>
    public const string ConsoleEndpointName = "console";

    /// <summary>S3 API port inside the container.</summary>
    public const int ApiPort = 9000;

    /// <summary>Console port inside the container.</summary>
    public const int ConsolePort = 9001;

    /// <summary>Root user, generated per run.</summary>
    public string AccessKey { get; } = accessKey;

    /// <summary>Root password, generated per run.</summary>
    public string SecretKey { get; } = secretKey;

    /// <summary>The S3 API endpoint.</summary>
    public EndpointReference ApiEndpoint => new(this, ApiEndpointName);

    /// <summary>The S3 API URL on the host.</summary>
    public string ApiUrl => $"http://127.0.0.1:{ApiEndpoint.Port}";
}
