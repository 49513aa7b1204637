namespace Simulator.Chaos;

/// <summary>Which processes of a resource a process fault signals, starting from the PIDs the resolver gives.</summary>
public enum SignalScope
{
    /// <summary>
    /// The given processes and all their descendants (children, grandchildren, ...), found by walking the
    /// parent PIDs in <c>/proc/*/stat</c> (the default). This is what "the node" means for PostgreSQL (the
    /// postmaster and its backends, checkpointer, WAL sender/receiver) and needs nothing of how the process was
    /// started; a child that re-parents itself away (a daemon that double-forks) is not followed.
    /// </summary>
    ProcessTree = 0,

    /// <summary>Only the given processes: a paused postmaster's backends go on serving open connections.</summary>
    Process,

    /// <summary>
    /// Every member of the given processes' process groups, signalled with <c>kill(-pgid)</c>. Only right when the
    /// resource was started as its own group leader (<c>setsid</c>); refused when the group is the caller's own.
    /// </summary>
    ProcessGroup,
}
