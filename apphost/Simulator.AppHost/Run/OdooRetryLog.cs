using Simulator.AppHost.Topology;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Run;

/// <summary>
/// The lines an Odoo server logs when it runs a transaction again after a concurrency failure, and when it gives up:
/// Odoo's <c>odoo.service.model</c> writes <c>SERIALIZATION_FAILURE, 4 tries left, try again in 0.8123 sec...</c> and
/// <c>…, maximum number of tries reached!</c>; the emulator writes the same phrases. Counted from the logs, so the real
/// <c>odoo</c> image in the containers runtime is counted the same way as the emulator.
/// </summary>
public static class OdooRetryLog
{
    /// <summary>The kind of a line announcing another try.</summary>
    public const string Retry = "retry";

    /// <summary>The kind of a line announcing the last try failed.</summary>
    public const string Exhausted = "exhausted";

    /// <summary>The line's kind, or null for any other line.</summary>
    public static string? Classify(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Contains("tries left, try again in", StringComparison.Ordinal) ? Retry
            : line.Contains("maximum number of tries reached", StringComparison.Ordinal) ? Exhausted
            : null;
    }

    /// <summary>Per region with Odoo nodes, in the topology's order, what its nodes' lines in <paramref name="tally"/> add up to.</summary>
    public static IReadOnlyList<ServerReport> Report(LogLineTally tally, TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(spec);
        return
        [
            .. spec.Regions.Where(r => r.OdooNodes > 0).Select(region =>
            {
                var nodes = Enumerable.Range(1, region.OdooNodes).Select(n => ResourceNaming.OdooNode(region.Name, n)).ToArray();
                return new ServerReport(region.Name, nodes.Sum(n => tally.Count(n, Retry)), nodes.Sum(n => tally.Count(n, Exhausted)));
            }),
        ];
    }
}
