using Simulator.AppHost.Failover;
using Simulator.Chaos;

namespace Simulator.AppHost.Run;

/// <summary>What carries out a run's process and cluster faults on one runtime.</summary>
/// <param name="Processes">Kill, pause, stop and start of a resource (signals natively, the engine in containers); null when unavailable.</param>
/// <param name="Probe">Who leads now, for role targets and switchovers; null without Patroni.</param>
/// <param name="Cluster">Switchovers; null without Patroni.</param>
public sealed record FaultActors(IProcessFaults? Processes, PatroniClusterProbe? Probe, IClusterFaults? Cluster);
