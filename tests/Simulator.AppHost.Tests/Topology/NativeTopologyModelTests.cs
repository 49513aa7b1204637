using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests.Topology;

/// <summary>The app model of a topology, built without starting anything.</summary>
public sealed class NativeTopologyModelTests
{
    [Fact]
    public void Creates_exactly_the_resources_the_catalog_names_with_proxyless_endpoints_and_health_checks()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials());

        var ours = topology.AllResources().ToList();
        Assert.Equal(TopologyCatalog.SingleRegionHa.ResourceNames(), ours.Select(r => r.Name));
        foreach (var resource in ours)
        {
            Assert.True(resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _), $"{resource.Name} has no health check");
            var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
            Assert.NotEmpty(endpoints);
            Assert.All(endpoints, e => Assert.False(e.IsProxied, $"{resource.Name}:{e.Name} is proxied"));
        }
    }

    [Fact]
    public void Start_order_follows_the_dependencies()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = builder.AddNativeTopology(TopologyCatalog.SingleRegionHa, run, RunSecrets.NewOdooCredentials());
        var region = topology.Region("eu");

        Assert.Equal([region.Primary!.Resource.Name], WaitsOn(region.Replicas[0].Resource));
        // Odoo nodes: the primary, the region's read replica, Redis for sessions, S3 for attachments.
        Assert.NotNull(region.ObjectStorage);
        Assert.All(region.OdooNodes, n => Assert.Equal(
            new[] { region.Primary.Resource.Name, region.Replicas[0].Resource.Name, region.Redis.Resource.Name, region.ObjectStorage.Resource.Name }
                .Order(StringComparer.Ordinal),
            WaitsOn(n.Resource).Order(StringComparer.Ordinal)));
        Assert.Empty(WaitsOn(region.ObjectStorage.Resource));
        Assert.StartsWith(run.Folder, region.ObjectStorage.Resource.DataDirectory, StringComparison.Ordinal);
        Assert.Equal(region.OdooNodes.Select(n => n.Resource.Name), WaitsOn(region.Ingress.Resource).Order(StringComparer.Ordinal));
        Assert.Equal(PostgresRole.Replica, region.Replicas[0].Resource.Role);
        Assert.IsType<HAProxyResource>(region.Ingress.Resource);
        Assert.True(File.Exists(region.Ingress.Resource.ConfigFile));
    }

    private static IEnumerable<string> WaitsOn(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name);
}
