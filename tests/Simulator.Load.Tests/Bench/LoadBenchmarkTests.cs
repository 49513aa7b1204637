using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Load.Bench;

namespace Simulator.Load.Tests.Bench;

/// <summary>Runs the real benchmark, briefly: needs nginx and wrk (Debian nginx-light and wrk), which sim test installs.</summary>
public sealed partial class LoadBenchmarkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sim-bench-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_short_benchmark_writes_every_figure_and_stops_its_nginx()
    {
        var output = new StringWriter();

        int exit = await LoadBenchmark.RunAsync(
            ["--out", _folder, "--duration", "1s", "--connections", "4", "--rate", "100", "--open-duration", "1s", "--warmup", "0s", "--soak", "1s", "--soak-rate", "50"],
            output,
            CancellationToken.None);

        string text = output.ToString();
        Assert.True(exit == 0, text);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, LoadBenchmark.FileName)));
        var root = json.RootElement;
        foreach (string key in new[] { "engineClosedRps", "wrkRps", "closedToWrkRatio", "openTargetRate", "openAchievedRate", "openStartLatenessP99Ms", "engineRssMb" })
        {
            Assert.True(root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number, $"{key} missing: {root}");
        }

        Assert.True(root.GetProperty("engineClosedRps").GetDouble() > 0, text);
        Assert.True(root.GetProperty("wrkRps").GetDouble() > 0, text);
        Assert.Equal(100, root.GetProperty("openTargetRate").GetDouble());
        Assert.Equal(0, root.GetProperty("engineClosedErrors").GetInt64());
        Assert.Equal(4, root.GetProperty("targets").GetArrayLength());
        var soak = root.GetProperty("soak");
        Assert.Equal((1.0, 50.0), (soak.GetProperty("durationSeconds").GetDouble(), soak.GetProperty("targetRate").GetDouble()));
        Assert.True(soak.GetProperty("maxRssMb").GetDouble() > 10, soak.ToString());
        Assert.StartsWith("soak max RSS", root.GetProperty("targets")[3].GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("engineOverheadMicrosecondsPerIteration").GetDouble() > 0, text);
        Assert.Contains("(b) wrk -t2 -c4 -d1s", text, StringComparison.Ordinal);

        // The private nginx is gone: nothing listens on its port any more.
        int port = int.Parse(Port().Match(text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Invalid_flags_exit_2_with_the_usage()
    {
        var output = new StringWriter();

        int exit = await LoadBenchmark.RunAsync(["--connections", "many"], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("--connections: 'many' is not a whole number", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: sim bench load", output.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:([0-9]+)/index\.html")]
    private static partial Regex Port();
}
