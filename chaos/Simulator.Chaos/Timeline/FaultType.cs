namespace Simulator.Chaos;

/// <summary>
/// What a timeline fault does; the same kinds, in the same order, as the scenario model's fault kinds, so the
/// AppHost maps one onto the other by name.
/// </summary>
public enum FaultType
{
    /// <summary><c>kill</c>: SIGKILL the target resource; with <c>for</c>, start it again after it.</summary>
    Kill = 1,

    /// <summary><c>pause</c>: SIGSTOP the target resource, SIGCONT after <c>for</c> (or when the run ends).</summary>
    Pause,

    /// <summary><c>stop</c>: SIGTERM, escalating to SIGKILL; with <c>for</c>, start it again after it.</summary>
    Stop,

    /// <summary><c>start</c>: start a stopped or killed resource.</summary>
    Start,

    /// <summary><c>partition</c>: cut the target's links (both ways, or one way), healed after <c>for</c>.</summary>
    Partition,

    /// <summary><c>latency</c>: add <see cref="FaultSpec.Delay"/> (round trip) ± <see cref="FaultSpec.Jitter"/> on the target's links.</summary>
    Latency,

    /// <summary><c>timeout</c>: hold all data on the target's links, closing connections after <see cref="FaultSpec.After"/> if set.</summary>
    Timeout,

    /// <summary><c>reset</c>: reset connections on the target's links as data crosses.</summary>
    Reset,

    /// <summary><c>heal</c>: remove the network faults on the target's links, or all of them (<c>all</c>).</summary>
    Heal,

    /// <summary>A planned switchover of the database leader (<see cref="IClusterFaults"/>); instant, the target a region or <c>any</c>.</summary>
    Switchover,

    /// <summary>
    /// A scripted region failover (<see cref="IClusterFaults.RegionFailoverAsync"/>): fence the active cluster, promote
    /// the standby cluster of the target region; instant, permanent.
    /// </summary>
    RegionFailover,
}
