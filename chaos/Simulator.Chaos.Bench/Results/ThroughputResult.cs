namespace Simulator.Chaos.Bench;

/// <summary>Throughput through the proxy without toxics, against direct connections.</summary>
/// <param name="TargetRatio">The ratio proxy/direct each measurement should reach.</param>
/// <param name="BulkCopy">One bulk TCP copy to a sink server.</param>
/// <param name="PgBench">pgbench against a real PostgreSQL.</param>
internal sealed record ThroughputResult(double TargetRatio, BulkCopyResult BulkCopy, PgBenchResult PgBench)
{
    public bool Passed => BulkCopy.Passed && PgBench.Passed;
}
