namespace Simulator.Load.Reports.Sweep;

/// <summary>
/// The model of <c>sweep.json</c> (<c>sim sweep</c>): the scenario run at rising total rates on one topology until a
/// threshold failed or the last step ran. The knee is the highest rate at which every threshold passed with every
/// lower step passing too — a later pass after a failure is noise, not capacity.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Topology">The topology's name.</param>
/// <param name="Runtime"><c>native</c> or <c>containers</c>.</param>
/// <param name="Machine">The machine measured on.</param>
/// <param name="StartedAt">When the first step started.</param>
/// <param name="StepSeconds">How long each step's load ran.</param>
/// <param name="Steps">The steps, in the order run (rising rate).</param>
/// <param name="StopReason">Why the sweep ended, for people.</param>
public sealed record SweepReport(
    string Scenario,
    string Topology,
    string Runtime,
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    double StepSeconds,
    IReadOnlyList<SweepStep> Steps,
    string StopReason)
{
    /// <summary>The highest target rate that met every threshold, every lower step meeting them too; null when the first step failed.</summary>
    public double? KneeRate => Steps.TakeWhile(s => s.Passed).Select(s => (double?)s.TargetRate).LastOrDefault();

    /// <summary>The first target rate at which a threshold failed; null when none did.</summary>
    public double? FirstFailingRate => Steps.FirstOrDefault(s => !s.Passed)?.TargetRate;
}
