using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.HAProxy;

/// <summary>Adds HAProxy ingresses of the native runtime.</summary>
public static class HAProxyBuilderExtensions
{
    /// <summary>
    /// Adds an HAProxy that balances HTTP round robin over <paramref name="servers"/>, starts after
    /// them and is healthy once its own monitor URI answers.
    /// </summary>
    public static IResourceBuilder<HAProxyResource> AddHAProxyIngress<TServer>(
        this IDistributedApplicationBuilder builder,
        string name,
        RunDirectory run,
        IReadOnlyList<IResourceBuilder<TServer>> servers,
        Func<TServer, EndpointReference> endpointOf)
        where TServer : IResourceWithEndpoints, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(endpointOf);

        var configFile = run.PathOf($"{name}.cfg");
        File.WriteAllText(configFile, HAProxyConfig.Render([.. servers.Select(s => s.Resource.Name)]));
        var resource = new HAProxyResource(name, run.Folder, configFile);

        IResourceBuilder<HAProxyResource> ingress = builder.AddResource(resource)
            .WithHttpEndpoint(name: HAProxyResource.EndpointName, env: HAProxyConfig.PortVariable, isProxied: false)
            // -db: stay in the foreground so the orchestrator owns the process.
            .WithArgs("-db", "-f", configFile)
            .WithHttpReadinessCheck(HAProxyResource.HealthPath, HAProxyResource.EndpointName)
            .WithIconName("ArrowRouting");

        for (var i = 0; i < servers.Count; i++)
        {
            var endpoint = endpointOf(servers[i].Resource);
            ingress.WithEnvironment(
                HAProxyConfig.ServerVariable(i),
                ReferenceExpression.Create($"127.0.0.1:{endpoint.Property(EndpointProperty.Port)}"));
            ingress.WaitFor(builder.CreateResourceBuilder<IResource>(servers[i].Resource));
        }

        return ingress;
    }
}
