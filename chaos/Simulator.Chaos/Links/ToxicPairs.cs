namespace Simulator.Chaos;

/// <summary>
/// Faults and base latency put one toxic on each stream: <c>&lt;name&gt;</c> on the replies and
/// <c>&lt;name&gt;_upstream</c> on the requests (the names the client's partition fallback uses for a blackhole too).
/// </summary>
internal static class ToxicPairs
{
    public const string UpstreamSuffix = "_upstream";

    /// <summary>Removes both toxics of the pair from the listed proxies (<c>/x/heal</c> takes one name at a time).</summary>
    public static async Task HealPairAsync(this ToxiproxyClient client, IReadOnlyList<string> proxies, string name, CancellationToken cancellationToken)
    {
        await client.HealAsync(proxies, name, cancellationToken);
        await client.HealAsync(proxies, name + UpstreamSuffix, cancellationToken);
    }
}
