namespace Simulator.Chaos;

/// <summary>
/// Names of the toxic types the proxy understands, as used in the <c>type</c> field.
/// </summary>
public static class ToxicTypes
{
    /// <summary>Delays data by <c>latency</c> ± <c>jitter</c> milliseconds.</summary>
    public const string Latency = "latency";

    /// <summary>Limits throughput to <c>rate</c> KB/s (1 KB = 1000 bytes).</summary>
    public const string Bandwidth = "bandwidth";

    /// <summary>Delays the close of the connection by <c>delay</c> milliseconds.</summary>
    public const string SlowClose = "slow_close";

    /// <summary>Holds all data and closes the connection after <c>timeout</c> ms (0 = never close).</summary>
    public const string Timeout = "timeout";

    /// <summary>Resets the connection (TCP RST) <c>timeout</c> ms after data arrives.</summary>
    public const string ResetPeer = "reset_peer";

    /// <summary>Slices data into pieces of <c>average_size</c> ± <c>size_variation</c> bytes, <c>delay</c> µs apart.</summary>
    public const string Slicer = "slicer";

    /// <summary>Closes the connection once <c>bytes</c> bytes have passed.</summary>
    public const string LimitData = "limit_data";

    /// <summary>
    /// Extension (not in Toxiproxy): holds everything in both directions whatever its stream, and keeps
    /// the connection open, as if the cable were unplugged. Held data flows once the toxic is removed.
    /// </summary>
    public const string Blackhole = "blackhole";
}
