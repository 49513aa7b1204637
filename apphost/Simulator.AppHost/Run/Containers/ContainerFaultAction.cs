using Simulator.Chaos;

namespace Simulator.AppHost.Run.Containers;

/// <summary>What one scenario fault becomes on a containers topology, before anything runs.</summary>
/// <param name="Field">The fault's field in the scenario file, e.g. <c>faults[0].kill</c>.</param>
/// <param name="Kind">The fault's kind.</param>
/// <param name="Target">The fault's target as written.</param>
/// <param name="EngineCommands">
/// The engine commands it runs, in order, undo included (<c>docker kill sim-…-eu-redis</c>, then <c>docker start …</c>
/// after its <c>for:</c>). For a role target, the commands for every node that may hold the role when it fires.
/// </param>
/// <param name="ToxiproxyLinks">The Toxiproxy proxies a network fault puts its toxics on.</param>
/// <param name="ResolvedWhenFiring">True for a role target (<c>leader</c>, <c>replica</c>): Patroni says which node when the fault fires.</param>
/// <param name="PatroniRequest">For a switchover, the REST call made to the leader's published Patroni port.</param>
public sealed record ContainerFaultAction(
    string Field,
    FaultType Kind,
    string Target,
    IReadOnlyList<string> EngineCommands,
    IReadOnlyList<string> ToxiproxyLinks,
    bool ResolvedWhenFiring = false,
    string? PatroniRequest = null)
{
    /// <summary>Whether the fault maps to something concrete: an engine command, a Toxiproxy link or a Patroni call.</summary>
    public bool IsConcrete => EngineCommands.Count > 0 || ToxiproxyLinks.Count > 0 || PatroniRequest is not null;
}
