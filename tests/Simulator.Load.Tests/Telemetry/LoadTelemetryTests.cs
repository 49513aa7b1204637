using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;
using Simulator.Load.Telemetry;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Telemetry;

/// <summary>
/// The live view (OpenTelemetry) counts what the report counts, and traces nest each operation under its
/// iteration. Other tests run the engine at the same time, so only this test's workload name is looked at.
/// </summary>
public sealed class LoadTelemetryTests
{
    [Fact]
    public async Task Metrics_and_spans_follow_the_runs_own_counts()
    {
        var workloadName = $"telemetry-{Guid.NewGuid():N}";
        var measurements = new ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LoadTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, 1, tags));
        meters.Start();
        var spans = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LoadTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);

        var time = new FakeTimeProvider();
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            await context.TimeAsync("create", _ => Task.CompletedTask, ct);
            if (context.Iteration % 2 == 1)
            {
                await context.TimeAsync("confirm", _ => Task.FromException(new WorkloadException("refused", outcomeUnknown: false, "no")), ct);
            }

            context.Acknowledge($"S{context.Iteration}");
        });
        var plan = FakeRun.Plan(new ConstantRate(4), TimeSpan.FromSeconds(2));
        plan = plan with { Workloads = [plan.Workloads[0] with { Name = workloadName }] };

        var result = await FakeRun.RunAsync(time, plan, workload, TimeSpan.FromSeconds(3));

        var w = result.Workloads.Single();
        long Sum(string instrument, string? tag = null, string? value = null) => measurements
            .Where(m => m.Instrument == instrument && (string?)m.Tags["sim.workload"] == workloadName)
            .Where(m => tag is null || (string?)m.Tags[tag] == value)
            .Sum(m => m.Value);
        Assert.Equal(w.Ok, Sum("sim.load.iterations", "sim.outcome", "ok"));
        Assert.Equal(w.Failed, Sum("sim.load.iterations", "sim.outcome", "failed"));
        Assert.Equal(8, Sum("sim.load.operations", "sim.operation", "create"));
        Assert.Equal(4, Sum("sim.load.operations", "sim.outcome", "failed"));
        Assert.Equal(8, Sum("sim.load.operation.duration"));
        Assert.Equal(result.Acknowledged, Sum("sim.load.acknowledged"));

        var iterations = spans.Where(s => s.OperationName == workloadName).ToList();
        Assert.Equal(8, iterations.Count);
        var failedIteration = Assert.Single(iterations, s => (long?)s.GetTagItem("sim.iteration") == 1);
        Assert.Equal(ActivityStatusCode.Error, failedIteration.Status);
        var children = spans.Where(s => s.ParentSpanId == failedIteration.SpanId).Select(s => s.OperationName).Order().ToList();
        Assert.Equal(["confirm", "create"], children);
        Assert.All(spans.Where(s => s.ParentSpanId == failedIteration.SpanId), s => Assert.Equal(failedIteration.TraceId, s.TraceId));

        void Keep(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }
}
