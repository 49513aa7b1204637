namespace Simulator.Chaos;

/// <summary>How <see cref="SignalProcessFaults"/> signals and waits.</summary>
public sealed record ProcessFaultOptions
{
    /// <summary>Which processes are signalled (default: each resolved process and its descendants).</summary>
    public SignalScope Scope { get; init; } = SignalScope.ProcessTree;

    /// <summary>How long <c>stop</c> waits after SIGTERM before it escalates to SIGKILL (default 10 s).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <c>kill</c> (and a stop's escalation) waits for the processes to be gone (default 5 s).</summary>
    public TimeSpan ExitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <c>pause</c> waits for the processes to show as stopped (default 2 s; not an error if they do not).</summary>
    public TimeSpan PauseSettleTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the process table is polled while waiting (default 20 ms).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The clock waits are measured on (default the system's).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
