using Simulator.AppHost.Topology;
using Simulator.Scenarios;

namespace Simulator.AppHost.Cli;

/// <summary>
/// The topologies <c>sim compare --topologies</c> and a suite run's <c>topologies:</c> name. Each item is a topology file
/// (<see cref="TopologyReference.IsFile"/>: ends in <c>.yaml</c>/<c>.yml</c> or holds a <c>/</c>), loaded and checked as
/// the catalogue's files are, or a name: the scenario's inline topology when its <c>name:</c> is that name, else the
/// catalogue topology of that name. A name both would answer to is refused as ambiguous, a file may not take a catalogue
/// name, and no two topologies of one run may share a name (reports, their folders and <c>only-on:</c> go by name).
/// </summary>
public static class TopologyCandidates
{
    /// <summary>
    /// Loads every topology file among <paramref name="references"/>, by reference; null when one has errors (each
    /// printed compiler-style: file, line, column, field, hint).
    /// </summary>
    public static IReadOnlyDictionary<string, TopologySpec>? LoadFiles(IEnumerable<string> references, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(errors);
        var files = new Dictionary<string, TopologySpec>(StringComparer.Ordinal);
        var found = new List<ScenarioError>();
        foreach (var path in references.Where(TopologyReference.IsFile).Distinct(StringComparer.Ordinal))
        {
            var result = TopologyLoader.LoadBeside(path, [.. TopologyCatalog.All.Keys]);
            found.AddRange(result.Errors);
            if (result.Succeeded)
            {
                files[path] = TopologyDefinitionMapping.ToSpec(result.Topology);
            }
        }

        if (found.Count == 0)
        {
            return files;
        }

        ScenarioFiles.Print(found, errors);
        return null;
    }

    /// <summary>
    /// The topology of each of <paramref name="references"/>, in order; null when one is unknown or ambiguous, or two
    /// share a name (every problem printed after <paramref name="where"/>).
    /// </summary>
    /// <param name="references">The items as written (files as <see cref="LoadFiles"/> was given them).</param>
    /// <param name="files">The loaded topology files, by reference (<see cref="LoadFiles"/>).</param>
    /// <param name="scenario">The scenario, whose inline topology a name may mean.</param>
    /// <param name="errors">Where problems are printed.</param>
    /// <param name="where">What each problem line starts with (the suite line), or empty.</param>
    public static IReadOnlyList<TopologySpec>? Resolve(
        IReadOnlyList<string> references, IReadOnlyDictionary<string, TopologySpec> files, Scenario scenario, TextWriter errors, string where)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(errors);
        var inline = scenario.InlineTopology is { Regions.Count: > 0 } definition ? definition : null;
        var problems = new List<string>();
        var chosen = new List<(string Reference, TopologySpec Topology)>();
        foreach (var reference in references)
        {
            if (Choose(reference, files, inline, problems) is { } topology)
            {
                chosen.Add((reference, topology));
            }
        }

        foreach (var sameName in chosen.GroupBy(c => c.Topology.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", sameName.Select(c => $"'{c.Reference}'"))} are all called `{sameName.Key}`: "
                + "give each topology of a run a name of its own (reports, their folders and only-on go by name)");
        }

        foreach (var problem in problems)
        {
            errors.WriteLine(where.Length == 0 ? problem : $"{where}: {problem}");
        }

        return problems.Count == 0 ? [.. chosen.Select(c => c.Topology)] : null;
    }

    private static TopologySpec? Choose(string reference, IReadOnlyDictionary<string, TopologySpec> files, TopologyDefinition? inline, List<string> problems)
    {
        if (TopologyReference.IsFile(reference))
        {
            return files[reference];
        }

        var catalogue = TopologyCatalog.Find(reference);
        if (inline?.Name == reference)
        {
            if (catalogue is null)
            {
                return TopologyDefinitionMapping.ToSpec(inline);
            }

            problems.Add($"'{reference}' is both the scenario's inline topology and a catalogue topology: rename the inline one, so that a name means one topology");
            return null;
        }

        if (catalogue is null)
        {
            var known = TopologyCatalog.All.Keys.Concat(inline is null ? [] : [inline.Name]).Order(StringComparer.Ordinal);
            problems.Add($"unknown topology '{reference}' (known: {string.Join(", ", known)}; or a topology file: a path ending in .yaml)");
        }

        return catalogue;
    }
}
