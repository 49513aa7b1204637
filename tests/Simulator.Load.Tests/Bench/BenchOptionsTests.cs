using Simulator.Load.Bench;

namespace Simulator.Load.Tests.Bench;

public class BenchOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        Assert.Empty(BenchOptions.TryParse([], out var o));

        Assert.Equal((TimeSpan.FromSeconds(30), 50, 2, 2000.0, TimeSpan.FromSeconds(30)), (o.Duration, o.Connections, o.Threads, o.Rate, o.OpenDuration));
        Assert.Equal(3, o.RoundCount);
        Assert.Null(o.Soak);
        Assert.Null(o.OutputDirectory);
        Assert.False(o.Check);
    }

    [Fact]
    public void Every_flag_is_read()
    {
        var errors = BenchOptions.TryParse(
            ["--out", "/tmp/b", "--duration", "1m", "--connections", "20", "--threads", "4", "--rounds", "2", "--rate", "500/s", "--open-duration", "500ms", "--warmup", "0s", "--soak", "--soak-rate", "100", "--check"],
            out var o);

        Assert.Empty(errors);
        Assert.Equal("/tmp/b", o.OutputDirectory);
        Assert.Equal((TimeSpan.FromMinutes(1), 20, 4, 2), (o.Duration, o.Connections, o.Threads, o.RoundCount));
        Assert.Equal((500.0, TimeSpan.FromMilliseconds(500), TimeSpan.Zero), (o.Rate, o.OpenDuration, o.Warmup));
        Assert.Equal((TimeSpan.FromMinutes(30), 100.0, true), (o.Soak, o.SoakRate, o.Check));
        Assert.Empty(BenchOptions.TryParse(["--soak", "5m"], out var soak));
        Assert.Equal(TimeSpan.FromMinutes(5), soak.Soak);
    }

    [Fact]
    public void Bad_flags_are_all_reported()
    {
        var errors = BenchOptions.TryParse(["--duration", "soon", "--connections", "0", "--rate", "-1", "--nope", "--out"], out _);

        Assert.Equal(
        [
            "--duration: 'soon' is not a duration such as 30s, 2m or 500ms",
            "--connections: '0' is not a whole number of at least 1",
            "--rate: '-1' is not a rate such as 2000 or 2000/s",
            "unknown option '--nope'",
            "--out needs a value",
        ],
        errors);
        Assert.Contains("--threads (4) must not exceed --connections (2)", BenchOptions.TryParse(["--threads", "4", "--connections", "2"], out _)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Wrk_output_is_read()
    {
        const string output = """
            Running 10s test @ http://127.0.0.1:8080/index.html
              2 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.52ms  310.15us   9.87ms   88.20%
                Req/Sec    16.51k     1.02k   18.93k    71.00%
              328649 requests in 10.00s, 266.40MB read
              Non-2xx or 3xx responses: 12
            Requests/sec:  32861.47
            Transfer/sec:     26.64MB
            """;

        Assert.Equal(32861.47, Wrk.ParseRequestsPerSecond(output));
        Assert.Equal(12, Wrk.ParseNon2xx(output));
        Assert.Throws<InvalidOperationException>(() => Wrk.ParseRequestsPerSecond("connection refused"));
    }

    [Fact]
    public void The_nginx_configuration_listens_on_loopback_and_keeps_everything_in_its_folder()
    {
        string config = NginxTarget.Configuration("/tmp/x", 18080);

        Assert.Contains("daemon off;", config, StringComparison.Ordinal);
        Assert.Contains("listen 127.0.0.1:18080;", config, StringComparison.Ordinal);
        Assert.Contains("pid /tmp/x/nginx.pid;", config, StringComparison.Ordinal);
        Assert.Contains("error_log /tmp/x/error.log", config, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/", config, StringComparison.Ordinal);
    }
}
