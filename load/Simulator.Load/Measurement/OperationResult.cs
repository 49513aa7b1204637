namespace Simulator.Load.Measurement;

/// <summary>
/// One timed operation within a workload's iterations (for example <c>import.create</c>).
/// <see cref="Latency"/> is measured from the operation's intended start: the iteration's intended start for the
/// first operation, the end of the previous operation for the next ones, so waiting inside the client shows up;
/// <see cref="LatencyUncorrected"/> from the moment the operation was actually sent. Both cover OK operations only
/// and are <see langword="null"/> when there were none.
/// </summary>
/// <param name="Name">The operation's name.</param>
/// <param name="Ok">Operations that completed OK.</param>
/// <param name="Failed">Operations that failed.</param>
/// <param name="Unknown">Operations whose outcome is unknown.</param>
/// <param name="Latency">Corrected latency percentiles, in milliseconds.</param>
/// <param name="LatencyUncorrected">Uncorrected latency percentiles, in milliseconds.</param>
public sealed record OperationResult(
    string Name, long Ok, long Failed, long Unknown, LatencySummary? Latency, LatencySummary? LatencyUncorrected)
{
    /// <summary>Failed and unknown operations by error kind (for HTTP, the status: <c>http-503</c>).</summary>
    public IReadOnlyDictionary<string, long> ErrorKinds { get; init; } = new Dictionary<string, long>();
}
