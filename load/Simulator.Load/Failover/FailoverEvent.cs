namespace Simulator.Load.Failover;

/// <summary>Something the cluster did during a failover, on the run's clock.</summary>
/// <param name="Kind">One of <see cref="FailoverEventKind"/>.</param>
/// <param name="Node">The node it concerns (several joined by <c>+</c> for <see cref="FailoverEventKind.MultiplePrimaries"/>).</param>
/// <param name="AtSeconds">When it was first observed, in seconds from the run's start.</param>
public sealed record FailoverEvent(string Kind, string Node, double AtSeconds);
