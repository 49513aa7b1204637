namespace Simulator.Chaos;

/// <summary>
/// Network faults between regions, applied through the fault proxy on the links a <see cref="LinkTarget"/>
/// selects. Each call returns a <see cref="LinkFault"/> handle; faults stack on top of the base latency and of
/// each other, and healing one leaves the others in place.
/// </summary>
public interface ILinkFaults
{
    /// <summary>
    /// Adds <paramref name="roundTrip"/> ± <paramref name="jitter"/> to every request/response exchange on the
    /// target's links, split over requests and replies as <see cref="LatencyMatrix"/> does (on top of the base latency).
    /// </summary>
    /// <param name="target">The links.</param>
    /// <param name="roundTrip">The round-trip time added.</param>
    /// <param name="jitter">The variation of the round trip (±).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fault.</returns>
    Task<LinkFault> AddLatencyAsync(LinkTarget target, TimeSpan roundTrip, TimeSpan jitter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cuts the target's links: nothing passes (<see cref="PartitionDirection.Both"/>) or only what flows from the
    /// target's first side to its second is held (<see cref="PartitionDirection.OneWay"/>). Connections stay open
    /// and data held flows once healed, as TCP would retransmit it; new connections are accepted but hang.
    /// </summary>
    /// <param name="target">The links; a one-way partition needs a region, a pair or a link, not all.</param>
    /// <param name="direction">Both ways or one way.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fault.</returns>
    Task<LinkFault> PartitionAsync(LinkTarget target, PartitionDirection direction = PartitionDirection.Both, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops all data on the target's links and, when <paramref name="after"/> is positive, closes each connection
    /// that long after the fault reached it (Toxiproxy's <c>timeout</c> toxic on both streams).
    /// </summary>
    /// <param name="target">The links.</param>
    /// <param name="after">When connections are closed; zero or null to hold them open until healed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fault.</returns>
    Task<LinkFault> TimeoutAsync(LinkTarget target, TimeSpan? after = null, CancellationToken cancellationToken = default);

    /// <summary>Resets (TCP RST) every connection on the target's links as soon as data crosses, until healed.</summary>
    /// <param name="target">The links.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fault.</returns>
    Task<LinkFault> ResetAsync(LinkTarget target, CancellationToken cancellationToken = default);

    /// <summary>Removes one fault from the links it is still on; a fault already healed is ignored.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once healed.</returns>
    Task HealAsync(LinkFault fault, CancellationToken cancellationToken = default);

    /// <summary>Removes every fault from the links <paramref name="target"/> selects (faults elsewhere stay).</summary>
    /// <param name="target">The links to heal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The faults now healed everywhere (a fault also on other links stays in effect there).</returns>
    Task<IReadOnlyList<LinkFault>> HealAsync(LinkTarget target, CancellationToken cancellationToken = default);

    /// <summary>Removes every fault from every link; the base latency stays.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The faults healed.</returns>
    Task<IReadOnlyList<LinkFault>> HealAllAsync(CancellationToken cancellationToken = default);
}
