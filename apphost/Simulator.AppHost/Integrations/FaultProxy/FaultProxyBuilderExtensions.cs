using System.Text.Json;
using System.Text;
using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;
using Simulator.Chaos;

namespace Simulator.AppHost.Integrations.FaultProxy;

/// <summary>Adds the fault proxy of the native runtime and its cross-region links.</summary>
public static class FaultProxyBuilderExtensions
{
    private const string Verb = "toxiproxy-server";

    /// <summary>
    /// Adds the fault proxy: <c>sim toxiproxy-server</c> in a process of its own, its Toxiproxy API on a proxyless
    /// endpoint of 127.0.0.1, healthy once <c>GET /version</c> answers. Links are added with
    /// <see cref="GetOrAddLink"/>; at start every link is written to the <c>-config</c> file the proxy populates
    /// itself from, so its listeners are open before it reports healthy. It exports its metrics over OTLP to the
    /// dashboard (<c>WithOtlpExporter</c>).
    /// </summary>
    public static IResourceBuilder<FaultProxyResource> AddFaultProxy(
        this IDistributedApplicationBuilder builder, string name, RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        var (command, prefix) = SimExecutable.Resolve();
        var resource = new FaultProxyResource(name, command, run.Folder, run.PathOf($"{name}.json"));
        return builder.AddResource(resource)
            .WithHttpEndpoint(name: FaultProxyResource.ApiEndpointName, isProxied: false)
            .WithArgs(async context =>
            {
                foreach (var arg in prefix)
                {
                    context.Args.Add(arg);
                }

                context.Args.Add(Verb);
                context.Args.Add("--host");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(resource.Api.Property(EndpointProperty.TargetPort));
                context.Args.Add("--config");
                context.Args.Add(resource.ConfigFile);
                await WriteConfigAsync(resource, context.CancellationToken);
            })
            // `sim toxiproxy-server` turns these on itself; set here too, so the dashboard shows how the proxy runs.
            .WithEnvironment(InlineSocketCompletions.EnvironmentVariable, "1")
            .WithHttpReadinessCheck(FaultProxyResource.HealthPath, FaultProxyResource.ApiEndpointName)
            // Bytes, connections and toxics per link, on the dashboard (the process exports its meter when told where).
            .WithOtlpExporter()
            .WithIconName("PlugDisconnected");
    }

    /// <summary>
    /// The proxy's endpoint for link <paramref name="name"/>, forwarding to <paramref name="upstream"/>: added as a
    /// proxyless endpoint the first time, the same one afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">The link exists already and forwards to another endpoint.</exception>
    public static EndpointReference GetOrAddLink(
        this IResourceBuilder<FaultProxyResource> proxy, LinkName name, EndpointReference upstream)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(upstream);
        var resource = proxy.Resource;
        if (resource.FindLink(name) is { } existing)
        {
            return SameEndpoint(existing.Upstream, upstream)
                ? existing.Listen
                : throw new InvalidOperationException(
                    $"link {name} already forwards to {Describe(existing.Upstream)}, not {Describe(upstream)}; " +
                    "give each server its own service name");
        }

        var endpointName = UniqueEndpointName(resource, name);
        proxy.WithEndpoint(endpointName, e =>
        {
            e.UriScheme = "tcp";
            e.IsProxied = false;
        });
        var listen = proxy.GetEndpoint(endpointName);
        resource.Add(new FaultProxyLink(name, listen, upstream));
        return listen;
    }

    /// <summary>An endpoint name Aspire accepts (letters, digits, single hyphens): <c>us-&gt;eu:postgres</c> is <c>us-to-eu-postgres</c>.</summary>
    public static string EndpointNameOf(LinkName name)
    {
        var text = new StringBuilder();
        foreach (var c in $"{(name.IsFromAnyRegion ? "any" : name.From)}-to-{name.To}-{name.Service}")
        {
            var next = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-';
            if (next != '-' || (text.Length > 0 && text[^1] != '-'))
            {
                text.Append(next);
            }
        }

        return char.IsAsciiLetter(text[0]) ? text.ToString().TrimEnd('-') : "link-" + text.ToString().TrimEnd('-');
    }

    private static string UniqueEndpointName(FaultProxyResource resource, LinkName name)
    {
        var taken = resource.Annotations.OfType<EndpointAnnotation>().Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var baseName = EndpointNameOf(name);
        var candidate = baseName;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = $"{baseName}-{i}";
        }

        return candidate;
    }

    private static bool SameEndpoint(EndpointReference a, EndpointReference b) =>
        ReferenceEquals(a.Resource, b.Resource) && a.EndpointName == b.EndpointName;

    private static string Describe(EndpointReference endpoint) => $"{endpoint.Resource.Name}:{endpoint.EndpointName}";

    /// <summary>Writes every link as <c>{name, listen, upstream}</c>, with the ports Aspire allocated.</summary>
    private static async Task WriteConfigAsync(FaultProxyResource resource, CancellationToken cancellationToken)
    {
        var proxies = new List<ProxyConfig>();
        foreach (var link in resource.Links)
        {
            var listen = await link.Listen.Property(EndpointProperty.TargetPort).GetValueAsync(cancellationToken);
            var upstream = await link.Upstream.Property(EndpointProperty.Port).GetValueAsync(cancellationToken);
            proxies.Add(new ProxyConfig(link.Name.ToString(), $"127.0.0.1:{listen}", $"127.0.0.1:{upstream}"));
        }

        await using var stream = File.Create(resource.ConfigFile);
        await JsonSerializer.SerializeAsync(stream, proxies, cancellationToken: cancellationToken);
    }
}
