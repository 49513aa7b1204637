namespace Simulator.Load.Measurement;

/// <summary>Counts, error kinds and latencies of one named operation; safe for concurrent use.</summary>
internal sealed class OperationCollector(string name)
{
    private readonly LatencyHistogram _corrected = new();
    private readonly LatencyHistogram _uncorrected = new();
    private readonly ErrorKindCounter _errorKinds = new();
    private long _ok;
    private long _failed;
    private long _unknown;

    public void Record(Outcome outcome, string? errorKind, TimeSpan corrected, TimeSpan uncorrected)
    {
        switch (outcome)
        {
            case Outcome.Ok:
                _corrected.Record(corrected);
                _uncorrected.Record(uncorrected);
                Interlocked.Increment(ref _ok);
                break;
            case Outcome.Failed:
                Interlocked.Increment(ref _failed);
                _errorKinds.Count(errorKind);
                break;
            default:
                Interlocked.Increment(ref _unknown);
                _errorKinds.Count(errorKind);
                break;
        }
    }

    public OperationResult ToResult() => new(
        name, Interlocked.Read(ref _ok), Interlocked.Read(ref _failed), Interlocked.Read(ref _unknown),
        _corrected.Total(), _uncorrected.Total())
    {
        ErrorKinds = _errorKinds.Snapshot(),
    };
}
