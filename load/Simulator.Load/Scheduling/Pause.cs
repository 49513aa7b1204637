namespace Simulator.Load.Scheduling;

/// <summary>No load at all: a <see cref="PhasedLoad"/> phase in which the workload starts nothing (for example to let a fault heal).</summary>
public sealed record Pause : LoadModel
{
    /// <inheritdoc />
    public override IReadOnlyList<string> Validate() => [];

    /// <inheritdoc />
    public override string Describe() => "pause";
}
