using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Containers;

/// <summary>What every container face does the same way: pinned image, loopback endpoints, per-run volumes, generated files.</summary>
public static class ContainerFaceExtensions
{
    /// <summary>Uses <paramref name="image"/> (registry, repository and tag together).</summary>
    public static IResourceBuilder<T> WithPinnedImage<T>(this IResourceBuilder<T> builder, ContainerImage image)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        return builder.WithImage(image.Image, image.Tag).WithImageRegistry(image.Registry);
    }

    /// <summary>
    /// Adds (or reshapes) an endpoint so the host reaches the container straight through the engine's
    /// port mapping, published on 127.0.0.1 only, never through an orchestrator proxy.
    /// </summary>
    public static IResourceBuilder<T> WithLoopbackEndpoint<T>(
        this IResourceBuilder<T> builder, string name, int targetPort, string scheme = "tcp")
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithEndpoint(name, e =>
        {
            e.UriScheme = scheme;
            e.TargetPort = targetPort;
            e.IsProxied = false;
            e.TargetHost = "127.0.0.1";
        }, createIfNotExists: true);
    }

    /// <summary>A named volume that belongs to this run only (<c>sim-&lt;run&gt;-&lt;resource&gt;-&lt;purpose&gt;</c>), removed at teardown.</summary>
    public static IResourceBuilder<T> WithRunVolume<T>(
        this IResourceBuilder<T> builder, RunDirectory run, string purpose, string target)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        return builder.WithVolume(RunVolumes.Name(run, builder.Resource.Name, purpose), target);
    }

    /// <summary>
    /// Copies a generated text file into the container before it starts (no bind mount, so it works the
    /// same on Docker Desktop, Podman machines and Linux), and records it on the resource.
    /// </summary>
    public static IResourceBuilder<T> WithGeneratedFile<T>(
        this IResourceBuilder<T> builder, string directory, string fileName, string contents, UnixFileMode mode = DefaultMode)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithAnnotation(new GeneratedContainerFileAnnotation(directory, fileName, contents))
            .WithContainerFiles(directory, [new ContainerFile { Name = fileName, Contents = contents, Mode = mode }]);
    }

    /// <summary>The text of the file generated at <paramref name="containerPath"/>, or null.</summary>
    public static string? GeneratedFile(this IResource resource, string containerPath)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Annotations.OfType<GeneratedContainerFileAnnotation>()
            .LastOrDefault(f => f.ContainerPath == containerPath)?.Contents;
    }

    private const UnixFileMode DefaultMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
}
