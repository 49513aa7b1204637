namespace Simulator.Chaos;

/// <summary>A network fault in effect on some proxied links, as <see cref="ILinkFaults"/> applied it; heal it with this handle.</summary>
/// <param name="Id">Unique among the faults of one <see cref="ILinkFaults"/>.</param>
/// <param name="Kind">What it does: <c>partition</c>, <c>latency</c>, <c>timeout</c> or <c>reset</c>.</param>
/// <param name="Target">What it was applied to.</param>
/// <param name="ToxicName">The name of its toxics on each link (replies; <c>&lt;name&gt;_upstream</c> on requests).</param>
/// <param name="Links">The links it is still in effect on.</param>
public sealed record LinkFault(long Id, string Kind, LinkTarget Target, string ToxicName, IReadOnlyList<LinkName> Links);
