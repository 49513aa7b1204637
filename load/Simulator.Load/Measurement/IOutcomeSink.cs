namespace Simulator.Load.Measurement;

/// <summary>Receives every iteration's outcome as it ends. Implementations must be safe for concurrent calls and quick.</summary>
public interface IOutcomeSink
{
    /// <summary>Records one iteration's outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    void Record(IterationOutcome outcome);
}
