using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Measurement;

public class CoordinatedOmissionTests
{
    [Fact]
    public async Task A_stall_shows_in_corrected_latency_for_the_queued_iterations_but_not_in_uncorrected()
    {
        var time = new FakeTimeProvider();
        var connection = new FifoGate();
        // 10/s for 20 s over one connection; each call takes 10 ms except iteration 0's, which stalls for 1 s.
        // Iterations 1..9 start on time but queue for the connection behind the stall.
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            await connection.AcquireAsync();
            try
            {
                var took = context.Iteration == 0 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(10);
                await context.TimeAsync("call", token => Task.Delay(took, time, token), ct);
            }
            finally
            {
                connection.Release();
            }
        });

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(20)), workload, TimeSpan.FromSeconds(21));

        var w = result.Workloads[0];
        Assert.Equal(200, w.Ok);
        Assert.Equal(0, w.Dropped);
        Assert.All(workload.Contexts, c => Assert.Equal(c.IntendedStart, c.ActualStart));

        // Uncorrected (from the actual send): 199 calls of 10 ms and one of 1 s; p99 does not see the stall.
        Assert.InRange(w.LatencyUncorrected!.P99, 9.9, 10.1);
        Assert.InRange(w.LatencyUncorrected.Max, 999, 1001);

        // Corrected (from the intended start): iterations 1..9 waited 910..190 ms; p99 is the third largest, 820 ms.
        Assert.InRange(w.Latency!.P99, 815, 825);
        Assert.InRange(w.Latency.Max, 999, 1001);
        Assert.InRange(w.Latency.P50, 9.9, 10.1);

        var call = Assert.Single(w.Operations);
        Assert.Equal("call", call.Name);
        Assert.Equal(200, call.Ok);
        Assert.InRange(call.LatencyUncorrected!.P99, 9.9, 10.1);
        Assert.InRange(call.Latency!.P99, 815, 825);
    }

    [Fact]
    public async Task The_corrected_latency_includes_an_allowed_start_lag()
    {
        var time = new FakeTimeProvider();
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            if (context.Iteration == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(150)); // the loop is held up: iteration 1 starts 50 ms late
            }

            await context.TimeAsync("call", token => Task.Delay(TimeSpan.FromMilliseconds(20), time, token), ct);
        });

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(10), TimeSpan.FromMilliseconds(200)), workload, TimeSpan.FromSeconds(1));

        // Iteration 0: sent at 150 ms, done at 170 ms. Iteration 1: due at 100 ms, started at 150 ms, done at 170 ms.
        var w = result.Workloads[0];
        Assert.Equal(2, w.Ok);
        Assert.InRange(w.LatencyUncorrected!.Max, 19.9, 20.1);
        Assert.InRange(w.Latency!.Max, 169.9, 170.3); // HdrHistogram keeps 3 significant digits
        Assert.InRange(w.Latency.P50, 69.9, 70.1);
    }
}
