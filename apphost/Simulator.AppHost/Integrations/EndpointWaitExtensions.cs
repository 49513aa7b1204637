namespace Simulator.AppHost.Integrations;

/// <summary>Start-order helpers for clients that reach a server through another resource (the fault proxy).</summary>
public static class EndpointWaitExtensions
{
    /// <summary>
    /// Makes <paramref name="builder"/> start only once the resource serving <paramref name="endpoint"/> is healthy —
    /// the server itself, or the fault proxy in front of it — unless it waits for that resource already.
    /// </summary>
    public static IResourceBuilder<T> WaitForServerOf<T>(this IResourceBuilder<T> builder, EndpointReference endpoint)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);
        var server = endpoint.Resource;
        var waitsAlready = builder.Resource.Annotations.OfType<WaitAnnotation>().Any(w => ReferenceEquals(w.Resource, server));
        return ReferenceEquals(server, builder.Resource) || waitsAlready
            ? builder
            : builder.WaitFor(builder.ApplicationBuilder.CreateResourceBuilder<IResource>(server));
    }
}
