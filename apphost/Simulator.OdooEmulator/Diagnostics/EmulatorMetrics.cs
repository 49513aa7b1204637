using System.Diagnostics.Metrics;

namespace Simulator.OdooEmulator.Diagnostics;

/// <summary>
/// Counters of what the emulator did, published on the <c>Simulator.OdooEmulator</c> meter for
/// OpenTelemetry and kept as totals so tests and reports can read them directly.
/// </summary>
internal sealed class EmulatorMetrics
{
    /// <summary>Name of the meter the counters are published on.</summary>
    public const string MeterName = "Simulator.OdooEmulator";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _poolClears;
    private long _callTotal;
    private long _errorTotal;
    private long _retryTotal;
    private long _poolClearTotal;
    private long _replicaTotal;
    private long _replicaFallbackTotal;
    private long _queuedTotal;
    private long _timeLimitTotal;
    private int _inFlight;
    private int _waiting;
    private int _maxInFlight;

    public EmulatorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("odoo.rpc.calls", description: "RPC calls handled.");
        _errors = meter.CreateCounter<long>("odoo.rpc.errors", description: "RPC calls answered with an error.");
        _retries = meter.CreateCounter<long>(
            "odoo.db.transaction_retries", description: "Transactions retried after a concurrency failure.");
        _poolClears = meter.CreateCounter<long>(
            "odoo.db.pool_clears", description: "Connection pool clears after a connection failure.");
    }

    /// <summary>RPC calls handled so far.</summary>
    public long Calls => Interlocked.Read(ref _callTotal);

    /// <summary>RPC calls that ended in an error.</summary>
    public long Errors => Interlocked.Read(ref _errorTotal);

    /// <summary>Transaction retries after serialization failures, deadlocks or lock timeouts.</summary>
    public long Retries => Interlocked.Read(ref _retryTotal);

    /// <summary>Times the connection pool was cleared after a connection failure.</summary>
    public long PoolClears => Interlocked.Read(ref _poolClearTotal);

    /// <summary>Read-only transactions run on the replica.</summary>
    public long ReplicaTransactions => Interlocked.Read(ref _replicaTotal);

    /// <summary>Read-only calls sent to the primary because the replica could not be reached.</summary>
    public long ReplicaFallbacks => Interlocked.Read(ref _replicaFallbackTotal);

    /// <summary>Requests that had to wait for a free worker.</summary>
    public long QueuedRequests => Interlocked.Read(ref _queuedTotal);

    /// <summary>Requests killed by <c>limit_time_real</c>.</summary>
    public long TimeLimitKills => Interlocked.Read(ref _timeLimitTotal);

    /// <summary>Requests being served now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests waiting for a worker now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The most requests ever served at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void ReplicaTransaction() => Interlocked.Increment(ref _replicaTotal);

    public void ReplicaFallback() => Interlocked.Increment(ref _replicaFallbackTotal);

    public void RequestQueued()
    {
        Interlocked.Increment(ref _queuedTotal);
        Interlocked.Increment(ref _waiting);
    }

    public void RequestDequeued() => Interlocked.Decrement(ref _waiting);

    public void RequestStarted()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }
    }

    public void RequestFinished() => Interlocked.Decrement(ref _inFlight);

    public void TimeLimitReached() => Interlocked.Increment(ref _timeLimitTotal);

    public void CallHandled(string service, string method)
    {
        Interlocked.Increment(ref _callTotal);
        _calls.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("method", method));
    }

    public void CallFailed(string errorName)
    {
        Interlocked.Increment(ref _errorTotal);
        _errors.Add(1, new KeyValuePair<string, object?>("error", errorName));
    }

    public void TransactionRetried(string sqlState)
    {
        Interlocked.Increment(ref _retryTotal);
        _retries.Add(1, new KeyValuePair<string, object?>("sqlstate", sqlState));
    }

    public void PoolCleared()
    {
        Interlocked.Increment(ref _poolClearTotal);
        _poolClears.Add(1);
    }
}
