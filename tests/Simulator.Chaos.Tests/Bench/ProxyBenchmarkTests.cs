using System.Text.Json;
using Simulator.Chaos.Bench;

namespace Simulator.Chaos.Tests.Bench;

/// <summary>The benchmark's entry point, in its shortest form: it runs, writes bench.json, and says what it measured.</summary>
public sealed class ProxyBenchmarkTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("bench-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task A_quick_run_writes_bench_json_with_every_figure()
    {
        using var output = new StringWriter();

        // Thread-pool completions: the test host's socket mode must not be switched for the other tests.
        var code = await ProxyBenchmark.RunAsync(["--quick", "--no-pgbench", "--samples", "16", "--thread-pool-completions", "--out", _out], output, CancellationToken.None);

        Assert.True(code is ProxyBenchmark.ExitOk or ProxyBenchmark.ExitTargetMissed, output.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, ProxyBenchmark.ResultFileName)));
        var root = json.RootElement;
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.True(root.GetProperty("quick").GetBoolean());
        var bulk = root.GetProperty("throughput").GetProperty("bulkCopy");
        Assert.True(bulk.GetProperty("ratio").GetDouble() > 0);
        // HAProxy is installed wherever the tests run (the sim script's packages): the reference must have been measured.
        var reference = bulk.GetProperty("reference");
        Assert.True(reference.GetProperty("measured").GetBoolean(), reference.GetProperty("reason").GetString());
        Assert.True(reference.GetProperty("ratio").GetDouble() > 0);
        Assert.Equal(reference.GetProperty("median").GetDouble(), reference.GetProperty("values")[0].GetDouble());
        // The proxy with zero copy off, in the same rounds.
        var copying = bulk.GetProperty("copying");
        Assert.True(copying.GetProperty("measured").GetBoolean());
        Assert.Equal("proxy copying (no splice)", copying.GetProperty("proxy").GetString());
        Assert.True(copying.GetProperty("ratio").GetDouble() > 0);
        var pgbench = root.GetProperty("throughput").GetProperty("pgBench");
        Assert.False(pgbench.GetProperty("measured").GetBoolean());
        Assert.Contains("--no-pgbench", pgbench.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var latency = root.GetProperty("latency");
        Assert.Equal(16, latency.GetProperty("withToxic").GetProperty("count").GetInt32());

        // A 50 ms toxic can only add latency: at least its own, less what the baseline took (generously bounded).
        Assert.InRange(latency.GetProperty("addedP50Ms").GetDouble(), 40, 1000);
        Assert.Equal(root.GetProperty("passed").GetBoolean(), code == ProxyBenchmark.ExitOk);
        Assert.Contains("summary:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_arguments_exit_with_2_and_help_with_0()
    {
        using var output = new StringWriter();

        Assert.Equal(ProxyBenchmark.ExitInvalidInput, await ProxyBenchmark.RunAsync(["--frobnicate"], output, CancellationToken.None));
        Assert.Equal(ProxyBenchmark.ExitInvalidInput, await ProxyBenchmark.RunAsync(["--samples", "x"], output, CancellationToken.None));
        Assert.Equal(ProxyBenchmark.ExitOk, await ProxyBenchmark.RunAsync(["--help"], output, CancellationToken.None));
        Assert.Contains("usage: sim bench proxy", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var stats = LatencyStats.Of([.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        Assert.Equal((1.0, 50.0, 90.0, 99.0, 100.0), (stats.Min, stats.P50, stats.P90, stats.P99, stats.Max));
        Assert.Equal(2.5, LatencyStats.Median([4, 1, 3, 2]));
    }
}
