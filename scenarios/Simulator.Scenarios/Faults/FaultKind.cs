namespace Simulator.Scenarios;

/// <summary>
/// What a fault does. Process faults act on resources (<c>kill: leader</c>); network faults act
/// on regions or links through the fault proxy (<c>partition: apac</c>, <c>latency: eu-us</c>).
/// </summary>
public enum FaultKind
{
    /// <summary>No kind was given; only seen in a scenario that failed to load.</summary>
    Unspecified = 0,

    /// <summary><c>kill</c>: SIGKILL the target's processes; with <c>for</c>, start them again after it.</summary>
    Kill,

    /// <summary><c>pause</c>: SIGSTOP the target's processes, SIGCONT after <c>for</c> (required).</summary>
    Pause,

    /// <summary><c>stop</c>: stop the target cleanly; with <c>for</c>, start it again after it.</summary>
    Stop,

    /// <summary><c>start</c>: start a stopped or killed target.</summary>
    Start,

    /// <summary><c>partition</c>: cut every link to and from a region, or one link, for <c>for</c> (required).</summary>
    Partition,

    /// <summary><c>latency</c>: add <c>delay</c> (required) and optional <c>jitter</c> on a region's links or one link, for <c>for</c> (required).</summary>
    Latency,

    /// <summary><c>timeout</c>: stop data on a link and close connections after <c>after</c> (never when absent), until <c>for</c> ends or a heal.</summary>
    Timeout,

    /// <summary><c>reset</c>: reset connections on a link (TCP RST), until <c>for</c> ends or a heal.</summary>
    Reset,

    /// <summary><c>heal</c>: remove the network faults on a target, or on everything with <c>heal: all</c>.</summary>
    Heal,

    /// <summary><c>switchover</c>: a planned switchover of the database leader (Patroni's REST <c>POST /switchover</c>) to the node of a region, or to the candidate Patroni picks with <c>any</c>; instant.</summary>
    Switchover,

    /// <summary>
    /// <c>region-failover</c>: a scripted disaster-recovery failover to the standby cluster of a region (topologies
    /// with one, such as <c>warm-standby-dr</c>): the active cluster is fenced (its nodes stopped) and the standby
    /// cluster promoted; instant and permanent.
    /// </summary>
    RegionFailover,
}
