using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.S3;

/// <summary>Adds object storage of the native runtime (npm's <c>s3rver</c>).</summary>
public static class NativeS3BuilderExtensions
{
    /// <summary>The bucket Odoo's attachments go to (the emulator's default, <c>Odoo:S3:Bucket</c>).</summary>
    public const string AttachmentBucket = "odoo-attachments";

    /// <summary>
    /// Adds an s3rver on loopback storing into the run folder, with <paramref name="bucket"/> created at start;
    /// healthy once listing that bucket answers 200 (the server listens and the bucket exists).
    /// </summary>
    public static IResourceBuilder<NativeS3Resource> AddNativeS3(
        this IDistributedApplicationBuilder builder, string name, RunDirectory run, string bucket = AttachmentBucket)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        var directory = run.PathOf(name);
        Directory.CreateDirectory(directory);
        var resource = new NativeS3Resource(name, run.Folder, directory, bucket);

        return builder.AddResource(resource)
            .WithHttpEndpoint(name: NativeS3Resource.EndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("--directory");
                context.Args.Add(directory);
                context.Args.Add("--address");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--configure-bucket");
                context.Args.Add(bucket);
                // One log line per request would bury the run's logs.
                context.Args.Add("--silent");
            })
            .WithHttpReadinessCheck("/" + bucket, NativeS3Resource.EndpointName)
            .WithIconName("Storage");
    }
}
