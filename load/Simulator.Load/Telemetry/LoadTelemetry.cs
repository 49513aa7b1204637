using System.Diagnostics;
using System.Diagnostics.Metrics;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;

namespace Simulator.Load.Telemetry;

/// <summary>
/// What the load engine publishes for OpenTelemetry (the Aspire dashboard's live view): metrics on the
/// <c>Simulator.Load</c> meter and a span per iteration and per operation on the <c>Simulator.Load</c>
/// activity source, whose context the HTTP client carries to the server. Reports never read these: they come
/// from the engine's own histograms. With no listener the instruments cost a flag check.
/// </summary>
public static class LoadTelemetry
{
    /// <summary>The meter's and the activity source's name, for <c>AddMeter</c> / <c>AddSource</c>.</summary>
    public const string Name = "Simulator.Load";

    private static readonly Meter Meter = new(Name);
    private static readonly ActivitySource Source = new(Name);

    private static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "sim.load.operations", "{operation}", "Operations finished, by workload, region, operation and outcome.");

    private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "sim.load.operation.duration", "ms", "Operation latency from its intended start (coordinated-omission corrected).");

    private static readonly Counter<long> Iterations = Meter.CreateCounter<long>(
        "sim.load.iterations", "{iteration}", "Iterations finished, by workload, region and outcome.");

    private static readonly Counter<long> Dropped = Meter.CreateCounter<long>(
        "sim.load.dropped", "{iteration}", "Iterations that could not start in their slot, by reason.");

    private static readonly Counter<long> Acknowledged = Meter.CreateCounter<long>(
        "sim.load.acknowledged", "{write}", "Writes the server acknowledged (ledger entries).");

    internal static Activity? StartIteration(string workload, string region, long iteration)
    {
        var activity = Source.StartActivity(workload, ActivityKind.Internal);
        activity?.SetTag("sim.workload", workload);
        activity?.SetTag("sim.region", region);
        activity?.SetTag("sim.iteration", iteration);
        return activity;
    }

    internal static Activity? StartOperation(string operation)
    {
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        activity?.SetTag("sim.operation", operation);
        return activity;
    }

    internal static void Finished(Activity? activity, Outcome outcome, string? errorKind)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("sim.outcome", OutcomeName(outcome));
        if (outcome != Outcome.Ok)
        {
            activity.SetStatus(ActivityStatusCode.Error, errorKind);
        }
    }

    internal static void RecordOperation(string workload, string region, string operation, Outcome outcome, TimeSpan corrected)
    {
        if (Operations.Enabled)
        {
            Operations.Add(1, Tags(workload, region, ("sim.operation", operation), ("sim.outcome", OutcomeName(outcome))));
        }

        if (OperationDuration.Enabled && outcome == Outcome.Ok)
        {
            OperationDuration.Record(corrected.TotalMilliseconds, Tags(workload, region, ("sim.operation", operation)));
        }
    }

    internal static void RecordIteration(string workload, string region, Outcome outcome)
    {
        if (Iterations.Enabled)
        {
            Iterations.Add(1, Tags(workload, region, ("sim.outcome", OutcomeName(outcome))));
        }
    }

    internal static void RecordDrop(string workload, string region, DropReason reason)
    {
        if (Dropped.Enabled)
        {
            Dropped.Add(1, Tags(workload, region, ("sim.reason", reason == DropReason.LateStart ? "late-start" : "no-free-vu")));
        }
    }

    internal static void RecordAcknowledged(string workload, string region)
    {
        if (Acknowledged.Enabled)
        {
            Acknowledged.Add(1, Tags(workload, region));
        }
    }

    private static string OutcomeName(Outcome outcome) => outcome switch
    {
        Outcome.Ok => "ok",
        Outcome.Failed => "failed",
        _ => "unknown",
    };

    private static TagList Tags(string workload, string region, params ReadOnlySpan<(string Key, string Value)> more)
    {
        var tags = new TagList { { "sim.workload", workload }, { "sim.region", region } };
        foreach (var (key, value) in more)
        {
            tags.Add(key, value);
        }

        return tags;
    }
}
