using Simulator.AppHost.Topology;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Run;

/// <summary>
/// What a scenario run needs of a running topology, whichever runtime stood it up: where each region's load goes,
/// where the fault proxy's API is, and which etcd member a region partition must isolate. The native topology and
/// the containers one both answer it, so the load, the fault timeline's link faults and the region isolation are
/// wired the same way on either.
/// </summary>
public interface IRunTopology
{
    /// <summary>The runtime's name as reports and the endpoints file spell it (<c>native</c>, <c>containers</c>).</summary>
    string Runtime { get; }

    /// <summary>What was stood up.</summary>
    TopologySpec Spec { get; }

    /// <summary>The Odoo login the workloads use.</summary>
    OdooCredentials Credentials { get; }

    /// <summary>The fault proxy's API (Toxiproxy's, or the native compatible one); null when no link leaves its region.</summary>
    string? FaultProxyApiUrl { get; }

    /// <summary>The region's ingress on the host, where its load goes (ports are known once the topology runs).</summary>
    /// <exception cref="KeyNotFoundException">The topology has no such region.</exception>
    Uri IngressUrl(string region);

    /// <summary>The resource name of the region's etcd member; null when the region runs none.</summary>
    /// <exception cref="KeyNotFoundException">The topology has no such region.</exception>
    string? EtcdMember(string region);
}
