using System.Text.Json.Serialization;
using Simulator.Load.Measurement;

namespace Simulator.Load.Reports;

/// <summary>
/// One workload in <c>report.json</c>. Latencies are in milliseconds over iterations that completed OK:
/// <see cref="LatencyMs"/> from the intended start (corrected for coordinated omission), <see cref="LatencyUncorrectedMs"/>
/// from the actual send; <see langword="null"/> when not measured (no iteration completed OK).
/// </summary>
/// <param name="Name">The workload's name.</param>
/// <param name="Region">Its region.</param>
/// <param name="TargetRate">Arrivals per second the open-model parts of the plan asked for (averaged over the run for ramps and phases); <see langword="null"/> for a closed-model workload, which has no target.</param>
/// <param name="AchievedRate">Iterations per second that started on time, whatever their outcome: the target times the share of open-model arrivals not dropped, plus closed-model iterations started per second; <see langword="null"/> when nothing fell in the run.</param>
/// <param name="Ok">Iterations completed OK.</param>
/// <param name="Failed">Iterations failed.</param>
/// <param name="Dropped">Iterations dropped by the scheduler (not started).</param>
/// <param name="Unknown">Iterations whose outcome is unknown.</param>
/// <param name="LatencyMs">Corrected latency percentiles.</param>
/// <param name="LatencyUncorrectedMs">Uncorrected latency percentiles.</param>
public sealed record WorkloadReport(
    string Name,
    string Region,
    double? TargetRate,
    double? AchievedRate,
    long Ok,
    long Failed,
    long Dropped,
    long Unknown,
    LatencySummary? LatencyMs,
    LatencySummary? LatencyUncorrectedMs)
{
    /// <summary>The tenant (Odoo database) it worked in, so figures break down by tenant as well as by region; <see langword="null"/> when the topology has one database.</summary>
    public string? Tenant { get; init; }

    /// <summary>Iterations started.</summary>
    public long Started { get; init; }

    /// <summary>Writes the server acknowledged (entries in <c>ledger.jsonl</c>).</summary>
    public long Acknowledged { get; init; }

    /// <summary>Drops by reason.</summary>
    public DropCounts DroppedBy { get; init; } = new(0, 0);

    /// <summary>Failed and unknown iterations by error kind.</summary>
    public IReadOnlyDictionary<string, long> ErrorKinds { get; init; } = new Dictionary<string, long>();

    /// <summary>Per-operation results.</summary>
    public IReadOnlyList<OperationReport> Operations { get; init; } = [];

    /// <summary>
    /// Per-second snapshots for timelines. In <c>report.json</c> they are written column by column, one array per field
    /// on one line (<c>{"second": [0, 1, …], "count": […], …}</c>), so a 30-minute run stays compact.
    /// </summary>
    [JsonConverter(typeof(IntervalTimelineConverter))]
    public IReadOnlyList<IntervalSnapshot> Intervals { get; init; } = [];

    /// <summary>The workload's model, described (for example <c>constant-rate 20/s</c>); <see langword="null"/> when unknown.</summary>
    public string? Model { get; init; }

    /// <summary>Open-model arrivals that fell due in the run, started or dropped (0 for closed models).</summary>
    public long Arrivals { get; init; }

    /// <summary>How late the scheduler reached open-model arrivals (actual − intended start); <see langword="null"/> without open-model arrivals.</summary>
    public LatencySummary? StartLatenessMs { get; init; }

    /// <summary>Request bytes sent (HTTP bodies).</summary>
    public long BytesSent { get; init; }

    /// <summary>Response bytes received (HTTP bodies).</summary>
    public long BytesReceived { get; init; }

    /// <summary>Corrected latency over sliding windows, one entry per window length tracked during the run.</summary>
    public IReadOnlyList<WindowedLatency> WindowedLatencyMs { get; init; } = [];

    /// <summary>
    /// The share (0..1) of open-model arrivals that started on time; <see langword="null"/> without open-model arrivals.
    /// Falls back to <see cref="AchievedRate"/> / <see cref="TargetRate"/> when <see cref="Arrivals"/> is not known.
    /// </summary>
    [JsonIgnore]
    public double? AchievedShare => Arrivals > 0
        ? (double)(Arrivals - Dropped) / Arrivals
        : AchievedRate is { } achieved && TargetRate is > 0 ? achieved / TargetRate.Value : null;
}
