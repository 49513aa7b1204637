namespace Simulator.Chaos;

/// <summary>A fault whose target the topology does not have.</summary>
/// <param name="Index">The fault's position in the list checked.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Message">What is missing, and what there is instead.</param>
public sealed record FaultTargetProblem(int Index, FaultSpec Fault, string Message)
{
    /// <summary>Writes <c>faults[2] (partition: apac): ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"faults[{Index}] ({Fault.Kind.ToName()}: {Fault.Target}): {Message}";
}
