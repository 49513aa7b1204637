using System.Globalization;
using System.Text;

namespace Simulator.AppHost.Bench;

/// <summary>The failover benchmark's verdict over its runs: every target judged on every run, and per-region RTO spreads.</summary>
/// <param name="Trials">The runs, in order.</param>
/// <param name="Targets">What each run had to show.</param>
public sealed record FailoverBenchSummary(IReadOnlyList<FailoverTrial> Trials, FailoverTargets Targets)
{
    /// <summary>Runs whose every region recovered within the RTO target (all runs when it is not judged).</summary>
    public int RunsWithinRto => Trials.Count(WithinRto);

    /// <summary>Runs that lost no acknowledged write (a run whose loss could not be checked does not count).</summary>
    public int RunsWithoutLoss => Trials.Count(t => t.Lost == 0);

    /// <summary>Runs that showed no split brain (a run where it was not judged does not count).</summary>
    public int RunsWithoutSplitBrain => Trials.Count(t => t.SplitBrain == false);

    /// <summary>Every run completed and met every applicable target.</summary>
    public bool Passed =>
        Trials.Count > 0
        && Trials.All(t => !t.Cancelled)
        && (Targets.MaxRtoSeconds is null || RunsWithinRto == Trials.Count)
        && (!Targets.ZeroLoss || RunsWithoutLoss == Trials.Count)
        && Trials.All(t => t.SplitBrain != true);

    /// <summary>Min / median / max RTO per region over the runs where it recovered, and how many runs it never did.</summary>
    public IReadOnlyList<RegionRtoSpread> RtoSpreads =>
    [
        .. Trials.SelectMany(t => t.RtoByRegion.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(region =>
        {
            var values = Trials.Select(t => t.RtoByRegion.GetValueOrDefault(region)).OfType<double>().Order().ToList();
            var median = values.Count == 0 ? (double?)null
                : values.Count % 2 == 1 ? values[values.Count / 2]
                : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
            return new RegionRtoSpread(region, values.Count == 0 ? null : values[0], median, values.Count == 0 ? null : values[^1], Trials.Count - values.Count);
        }),
    ];

    /// <summary>The summary as the console shows it.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var t in Trials)
        {
            var rto = string.Join(", ", t.RtoByRegion.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {Seconds(r.Value)}"));
            text.AppendLine(Invariant($"  run {t.Run}: promoted {Seconds(t.PromotedAfterFaultSeconds)} after the fault ({t.NewLeader ?? "no new leader"}); RTO {rto}; {t.Acknowledged} acknowledged, {t.Lost?.ToString(CultureInfo.InvariantCulture) ?? "?"} lost; split brain {Judged(t.SplitBrain)}{(t.Cancelled ? "; interrupted" : "")}"));
        }

        foreach (var s in RtoSpreads)
        {
            text.AppendLine(Invariant($"  RTO {s.Region}: min {Seconds(s.MinSeconds)}, median {Seconds(s.MedianSeconds)}, max {Seconds(s.MaxSeconds)}{(s.RunsNotRecovered > 0 ? $", not recovered in {s.RunsNotRecovered} run(s)" : "")}"));
        }

        var n = Trials.Count;
        text.AppendLine(Targets.MaxRtoSeconds is { } max
            ? Invariant($"  RTO <= {max:0} s in every region: {RunsWithinRto} of {n} runs: {Verdict(RunsWithinRto == n)}")
            : "  RTO target: not judged (not the fast timing profile)");
        text.AppendLine(Targets.ZeroLoss
            ? Invariant($"  zero acknowledged writes lost (synchronous replication): {RunsWithoutLoss} of {n} runs: {Verdict(RunsWithoutLoss == n)}")
            : Invariant($"  lost acknowledged writes (asynchronous: reported, not judged): {string.Join(", ", Trials.Select(t => t.Lost?.ToString(CultureInfo.InvariantCulture) ?? "?"))}"));
        text.AppendLine(Invariant($"  no split brain: {RunsWithoutSplitBrain} of {n} runs judged clean{(Trials.Any(t => t.SplitBrain is null) ? $", {Trials.Count(t => t.SplitBrain is null)} not judged" : "")}"));
        return text.ToString();
    }

    private static bool WithinRtoOf(FailoverTrial trial, double max) =>
        trial.RtoByRegion.Count > 0 && trial.RtoByRegion.Values.All(v => v is { } rto && rto <= max);

    private bool WithinRto(FailoverTrial trial) => Targets.MaxRtoSeconds is not { } max || WithinRtoOf(trial, max);

    private static string Seconds(double? value) => value is { } v ? Invariant($"{v:0.0} s") : "n/a";

    private static string Judged(bool? value) => value switch { true => "YES", false => "no", null => "not judged" };

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
