using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using static Simulator.AppHost.Tests.Containers.ContainerTopologyModelTests;

namespace Simulator.AppHost.Tests.Topology;

/// <summary>A region's <c>odoo_workers</c> sizes its Odoo servers on both runtimes; other regions keep the default.</summary>
public sealed class OdooWorkersModelTests
{
    private static readonly TopologySpec Sized = TopologyCatalog.SinglePrimaryMultiReplica with
    {
        Regions = [.. TopologyCatalog.SinglePrimaryMultiReplica.Regions.Select(r => r with { OdooWorkers = r.Name == "eu" ? 12 : null })],
    };

    [Fact]
    public async Task Native_nodes_get_the_region_s_worker_count_as_Odoo__Workers()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddNativeTopology(Sized, run, RunSecrets.NewOdooCredentials());

        var eu = await OwnEnvironmentAsync(topology.Region("eu").OdooNodes[0].Resource);
        var us = await OwnEnvironmentAsync(topology.Region("us").OdooNodes[0].Resource);

        Assert.Equal("12", eu["Odoo__Workers"]);
        Assert.False(us.ContainsKey("Odoo__Workers"), "a region without odoo_workers keeps the emulator's default");
    }

    /// <summary>
    /// The variables the resource's own callbacks set, unresolved: a project's endpoints are never allocated in a model
    /// that is not started, so resolving them (as <c>GetEnvironmentVariableValuesAsync</c> does) would wait forever.
    /// </summary>
    private static async Task<Dictionary<string, object>> OwnEnvironmentAsync(ProjectResource resource)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), values);
        foreach (var annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        return values;
    }

    [Fact]
    public void Container_nodes_get_the_region_s_worker_count_in_odoo_conf()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var options = ContainerTopologyOptions.Default;
        var topology = TestingBuilders.Create().AddContainerTopology(Sized, run, RunSecrets.NewOdooCredentials(), options);

        Assert.Equal("12", OdooConf(topology.Region("eu").OdooNodes[0].Resource)["workers"]);
        Assert.Equal($"{options.Odoo.Workers}", OdooConf(topology.Region("us").OdooNodes[0].Resource)["workers"]);
    }
}
