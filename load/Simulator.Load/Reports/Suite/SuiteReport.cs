namespace Simulator.Load.Reports.Suite;

/// <summary>The model of <c>suite.json</c>: every run of a suite (<c>sim suite</c>), in the order they ran.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="Runtime"><c>native</c> or <c>containers</c>.</param>
/// <param name="Machine">The machine measured on.</param>
/// <param name="StartedAt">When the first run started.</param>
/// <param name="Runs">The runs.</param>
public sealed record SuiteReport(string Suite, string Runtime, MachineInfo Machine, DateTimeOffset StartedAt, IReadOnlyList<SuiteRunReport> Runs)
{
    /// <summary>Whether every run ran and passed every threshold.</summary>
    public bool Passed => Runs.Count > 0 && Runs.All(r => r.Verdict == SuiteVerdicts.Passed);
}

/// <summary>One run of a suite: a scenario on a topology.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Topology">The topology's name.</param>
/// <param name="Verdict">One of <see cref="SuiteVerdicts"/>.</param>
/// <param name="WallSeconds">Stand-up, load and teardown, as the clock on the wall saw them.</param>
/// <param name="Report">The run's report.json, relative to the suite's folder; null when the run wrote none.</param>
/// <param name="FailedThresholds">The thresholds that failed, as written, with their actual values.</param>
/// <param name="Error">Why the run could not run (a resource that would not start, …); null when it ran.</param>
/// <param name="RtoSeconds">The worst region's recovery time, when the run measured a failover.</param>
/// <param name="LostWrites">Acknowledged orders lost.</param>
/// <param name="AcknowledgedWrites">Acknowledged orders.</param>
public sealed record SuiteRunReport(
    string Scenario,
    string Topology,
    string Verdict,
    double WallSeconds,
    string? Report,
    IReadOnlyList<ThresholdReport> FailedThresholds,
    string? Error,
    double? RtoSeconds,
    long? LostWrites,
    long? AcknowledgedWrites)
{
    /// <summary>Whether the run reused the stand-up of the run before it (same topology) instead of a fresh one.</summary>
    public bool ReusedStandUp { get; init; }

    /// <summary>How long the shared stand-up took to be whole again before this run (faults healed, cluster settled); null for a fresh one.</summary>
    public double? ResetSeconds { get; init; }

    /// <summary>
    /// The Patroni node leading when the run started on a reused stand-up (the reset hands the lead back to the node
    /// that leads after a stand-up, unless Patroni refused); null for a fresh stand-up or a topology without Patroni.
    /// </summary>
    public string? LeaderAfterReset { get; init; }

    /// <summary>How long this run's fresh stand-up took until every resource was healthy; null when it reused one or none came up.</summary>
    public double? StandUpSeconds { get; init; }

    /// <summary>
    /// Thresholds that failed as the suite said they would (its <c>known_breaches</c>): they do not fail the run and
    /// are not in <see cref="FailedThresholds"/>.
    /// </summary>
    public IReadOnlyList<KnownBreachReport> KnownBreaches { get; init; } = [];

    /// <summary>Thresholds the suite lists as known breaches that passed this time: the entry may be out of date.</summary>
    public IReadOnlyList<string> KnownBreachesMet { get; init; } = [];
}

/// <summary>A threshold that failed as its suite said it would.</summary>
/// <param name="Expression">The threshold as written.</param>
/// <param name="Actual">Its actual value.</param>
/// <param name="Reason">Why it is known to breach, as the suite says.</param>
public sealed record KnownBreachReport(string Expression, string Actual, string Reason);

/// <summary>What became of a run.</summary>
public static class SuiteVerdicts
{
    /// <summary>Every threshold passed.</summary>
    public const string Passed = "passed";

    /// <summary>A threshold failed.</summary>
    public const string Failed = "failed";

    /// <summary>The run could not run to its end (the environment, not a threshold); <see cref="SuiteRunReport.Error"/> says why.</summary>
    public const string Error = "error";

    /// <summary>Interrupted (Ctrl-C): what it measured until then is in its report.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>Not started, because the suite was interrupted before it.</summary>
    public const string NotRun = "not run";
}
