using Simulator.Load.Reports;

namespace Simulator.Load.Failover;

/// <summary>Derives a run's <see cref="FailoverReport"/> from its write outcomes, cluster events and ledger.</summary>
public static class FailoverAnalyzer
{
    /// <summary>
    /// The figures of one fault. The old leader is the first one lost at or after the fault, the new leader the last
    /// elected after that (both from <see cref="FailoverInput.Events"/>). RTO and error window are the worst region's,
    /// and null when a region whose writes failed never recovered in the span. Lost and recovered writes come from
    /// the ledger check; split brain from the acknowledged writes' origins (null when none is known).
    /// </summary>
    public static FailoverReport Analyze(FailoverInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fault = input.FaultAtSeconds;
        var until = input.UntilSeconds ?? double.PositiveInfinity;
        var events = input.Events.Where(e => e.AtSeconds >= fault && e.AtSeconds < until).ToList();
        var lost = events.FirstOrDefault(e => e.Kind == FailoverEventKind.LeaderLost);
        var elected = events.LastOrDefault(e => e.Kind == FailoverEventKind.LeaderElected && e.Node != lost?.Node);
        var promoted = elected is null
            ? null
            : events.FirstOrDefault(e => e.Kind == FailoverEventKind.LeaderPromoted && e.Node == elected.Node && e.AtSeconds >= elected.AtSeconds);
        var rejoined = lost is null
            ? null
            : events.FirstOrDefault(e => e.Kind == FailoverEventKind.OldLeaderRejoined && e.Node == lost.Node);

        var regions = RecoveryAnalysis.PerRegion(input.Writes, fault, input.UntilSeconds);
        var unrecovered = regions.Any(r => r.FirstFailedSeconds is not null && r.RtoSeconds is null);
        var origins = SplitBrainDetector.Origins(input.Ledger);
        var splitBrain = SplitBrainDetector.Detect(input.Ledger);
        return new FailoverReport(
            unrecovered ? null : Worst(regions.Select(r => r.RtoSeconds)),
            unrecovered ? null : Worst(regions.Select(r => r.ErrorWindowSeconds)),
            lost?.Node,
            elected?.Node,
            input.LedgerCheck?.Lost,
            splitBrain.Detected)
        {
            FaultAtSeconds = Math.Round(fault, 3),
            LeaderLostAtSeconds = lost?.AtSeconds,
            NewLeaderElectedAtSeconds = elected?.AtSeconds,
            NewLeaderPromotedAtSeconds = promoted?.AtSeconds,
            OldLeaderRejoinedAtSeconds = rejoined?.AtSeconds,
            OldLeaderRejoinSeconds = rejoined is not null && input.HealedAtSeconds is { } healed && rejoined.AtSeconds >= healed
                ? Math.Round(rejoined.AtSeconds - healed, 3)
                : null,
            RecoveredWrites = input.LedgerCheck?.Recovered,
            Regions = regions,
            Events = events,
            WriteOrigins = origins,
            SplitBrainWrites = splitBrain.Detected is null ? null : splitBrain.Writes,
            SplitBrainFromSeconds = splitBrain.FromSeconds,
            SplitBrainToSeconds = splitBrain.ToSeconds,
            ReplicationLag = input.ReplicationLag,
        };
    }

    private static double? Worst(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? null : known.Max();
    }
}
