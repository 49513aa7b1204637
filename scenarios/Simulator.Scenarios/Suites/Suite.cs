namespace Simulator.Scenarios;

/// <summary>
/// A suite file: scenarios to run one after another in a short form, as a nightly resilience job does
/// (<c>sim suite scenarios/nightly.yaml</c>).
/// </summary>
/// <param name="File">The suite file, as given to the loader.</param>
/// <param name="Name">The suite's name, for reports.</param>
/// <param name="Description">One paragraph on what the suite is for, or null.</param>
/// <param name="Runs">The runs, in file order.</param>
public sealed record Suite(string File, string Name, string? Description, IReadOnlyList<SuiteEntry> Runs);

/// <summary>One scenario of a suite, with its short form.</summary>
/// <param name="Scenario">The scenario file's path, resolved against the suite file's folder.</param>
/// <param name="Topologies">
/// The topologies to run it on, in order: names (a catalogue topology, or the scenario's inline one) and topology files
/// (<see cref="TopologyReference.IsFile"/>, resolved against the suite file's folder); empty for the one the scenario names.
/// </param>
/// <param name="Duration">The shortened duration (faults must still fit in it), or null for the scenario's own.</param>
/// <param name="Line">The line of the entry in the suite file, for errors about the scenario it names.</param>
public sealed record SuiteEntry(string Scenario, IReadOnlyList<string> Topologies, TimeSpan? Duration, int Line)
{
    /// <summary>
    /// Thresholds of the scenario this run is known to breach on its topologies (<c>known_breaches</c>): a limit of the
    /// topology that is measured and explained, not a regression. Such a breach does not fail the run; the suite's
    /// summary lists it with its reason, and says so when one is met after all.
    /// </summary>
    public IReadOnlyList<KnownBreach> KnownBreaches { get; init; } = [];
}

/// <summary>A threshold a suite run is known to breach, and why (<c>known_breaches</c> items).</summary>
/// <param name="Threshold">The threshold as the scenario writes it, e.g. <c>order-import@us.p99 &lt; 5000ms</c>.</param>
/// <param name="Reason">Why it breaches, for the summary: a measured limit of the topology, with where it is explained.</param>
/// <param name="Line">Its line in the suite file, for errors about it.</param>
/// <param name="Column">Its column in the suite file.</param>
public sealed record KnownBreach(string Threshold, string Reason, int Line, int Column)
{
    /// <summary>Whether <paramref name="expression"/> is this threshold, written with any spacing.</summary>
    public bool Names(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Normalized(expression) == Normalized(Threshold);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
