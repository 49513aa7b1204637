namespace Simulator.Load.Reports;

/// <summary>What was run, where: the identifying fields at the top of a report.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Topology">The topology's name.</param>
/// <param name="Runtime">The runtime the topology ran on: <c>native</c> or <c>containers</c>.</param>
public sealed record ReportHeader(string Scenario, string Topology, string Runtime);
