namespace Simulator.Chaos.Bench;

/// <summary>A single connection copying <see cref="Bytes"/> to a sink, direct, through the proxy (zero copy on, and off: <c>Copying</c>) and through the reference proxy, rounds interleaved.</summary>
internal sealed record BulkCopyResult(
    long Bytes,
    int Rounds,
    IReadOnlyList<double> DirectMBps,
    IReadOnlyList<double> ProxyMBps,
    double DirectMedianMBps,
    double ProxyMedianMBps,
    double Ratio,
    bool Passed,
    ReferenceResult Reference,
    ReferenceResult Copying);
