using Simulator.Load.Measurement;

namespace Simulator.Load.Scheduling;

/// <summary>What a scheduler needs from its workload's runner: iteration numbers, a way to start one, the collector.</summary>
internal interface IIterationLauncher
{
    /// <summary>Where arrivals, drops and start lateness are recorded.</summary>
    WorkloadCollector Collector { get; }

    /// <summary>The next iteration number of the workload (0-based, shared by all its phases).</summary>
    long NextIteration();

    /// <summary>
    /// Starts an iteration inline (up to its first asynchronous wait) and returns a task that completes, never faulted,
    /// once the iteration has ended and been recorded.
    /// </summary>
    Task Start(ArrivalSlot slot, TimeSpan actualStart);
}
