using Simulator.AppHost.Native;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>Adds a containers-runtime topology to an Aspire application.</summary>
public static class ContainerTopologyBuilderExtensions
{
    /// <summary>Adds every resource of <paramref name="spec"/> in containers mode (see <see cref="ContainerTopologyBuilder"/>).</summary>
    public static ContainerTopology AddContainerTopology(
        this IDistributedApplicationBuilder builder,
        TopologySpec spec,
        RunDirectory run,
        OdooCredentials credentials,
        ContainerTopologyOptions? options = null) =>
        new ContainerTopologyBuilder(builder, spec, run, credentials, options ?? ContainerTopologyOptions.FromConfiguration(builder.Configuration)).Build();
}
