using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Integrations.FaultProxy;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using Simulator.Chaos;

namespace Simulator.AppHost.Tests.Integrations;

/// <summary>The fault proxy resource and the region links built on it, without starting anything.</summary>
public sealed class FaultProxyModelTests
{
    [Theory]
    [InlineData("us->eu:postgres", "us-to-eu-postgres")]
    [InlineData("*->eu:etcd-peer", "any-to-eu-etcd-peer")]
    [InlineData("eu_west->us.east:redis", "eu-west-to-us-east-redis")]
    [InlineData("1a->eu:pg", "link-1a-to-eu-pg")]
    public void Link_endpoints_get_names_Aspire_accepts(string link, string expected)
    {
        Assert.Equal(expected, FaultProxyBuilderExtensions.EndpointNameOf(LinkName.Parse(link)));
    }

    [Fact]
    public void Region_links_go_straight_within_a_region_and_through_one_proxy_link_across()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var links = new ProxyRegionLinks(builder, run);
        var server = builder.AddExecutable("eu-server", "true", run.Folder).WithEndpoint("tcp", e => e.IsProxied = false);
        var target = server.GetEndpoint("tcp");

        Assert.Same(target, links.Reach("eu", "eu", "svc", target));
        Assert.Null(links.Proxy);

        var fromUs = links.Reach("us", "eu", "svc", target);
        var again = links.Reach("us", "eu", "svc", target);
        var fromAnywhere = links.ReachFromAnyRegion("eu", "svc", target);

        var proxy = Assert.IsType<FaultProxyResource>(links.Proxy?.Resource);
        Assert.Same(proxy, fromUs.Resource);
        Assert.Equal(fromUs.EndpointName, again.EndpointName);
        Assert.NotEqual(fromUs.EndpointName, fromAnywhere.EndpointName);
        Assert.Equal(["us->eu:svc", "*->eu:svc"], proxy.Links.Select(l => l.Name.ToString()));
        Assert.All(proxy.Links, l => Assert.Same(target.Resource, l.Upstream.Resource));
        Assert.True(proxy.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _));
    }

    [Fact]
    public void A_link_name_cannot_forward_to_two_servers()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var links = new ProxyRegionLinks(builder, run);
        var first = builder.AddExecutable("eu-a", "true", run.Folder).WithEndpoint("tcp", e => e.IsProxied = false).GetEndpoint("tcp");
        var second = builder.AddExecutable("eu-b", "true", run.Folder).WithEndpoint("tcp", e => e.IsProxied = false).GetEndpoint("tcp");
        links.Reach("us", "eu", "postgres", first);

        var error = Assert.Throws<InvalidOperationException>(() => links.Reach("us", "eu", "postgres", second));
        Assert.Contains("us->eu:postgres", error.Message, StringComparison.Ordinal);
    }
}
