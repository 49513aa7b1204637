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
public sealed record SuiteEntry(string Scenario, IReadOnlyList<string> Topologies, TimeSpan? Duration, int Line);
