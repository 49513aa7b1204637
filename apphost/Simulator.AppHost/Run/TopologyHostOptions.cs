using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run;

/// <summary>How to stand a topology up.</summary>
/// <param name="Topology">What to stand up.</param>
/// <param name="LogDirectory">Where each resource's console output is copied.</param>
/// <param name="Dashboard">Start the Aspire dashboard (for <c>sim up</c>); runs leave it off.</param>
/// <param name="StartTimeout">How long every resource may take to become healthy.</param>
/// <param name="Progress">Receives one line per step of each resource (starting, waiting, running, healthy) with the time since start.</param>
/// <param name="CreateBuilder">
/// Makes the Aspire builder; null for the AppHost's own. Tests pass <c>Aspire.Hosting.Testing</c>'s.
/// </param>
public sealed record TopologyHostOptions(
    TopologySpec Topology,
    string LogDirectory,
    bool Dashboard,
    TimeSpan StartTimeout,
    Action<string> Progress,
    Func<IDistributedApplicationBuilder>? CreateBuilder = null)
{
    /// <summary>
    /// When set, the dashboard becomes a control room (regions grouping their nodes, fault and load commands) whose
    /// actions are recorded here (<c>sim up</c>); null for none (runs).
    /// </summary>
    public ControlRoomLog? ControlRoom { get; init; }
}
