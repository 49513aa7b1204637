using System.Net;
using System.Text;

namespace Simulator.Chaos.Tests;

/// <summary>The standalone entry point behind <c>sim toxiproxy-server</c>.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task Runs_populates_from_config_and_stops_on_cancel()
    {
        await using var echo = new EchoServer();
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, $"[{{\"name\":\"redis\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"{echo.Address}\"}}]");
        try
        {
            using var stop = new CancellationTokenSource();
            var output = new LineWriter();
            var run = ToxiproxyServerHost.RunAsync(["--host", "127.0.0.1", "--port=0", "-config", config], output, TextWriter.Null, stop.Token);

            var line = await output.WaitForAsync("listening on ");
            var url = new Uri(line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim());
            Assert.Equal("127.0.0.1", url.Host);
            using (var client = new ToxiproxyClient(url))
            {
                var proxy = await client.GetProxyAsync("redis");
                using var socket = await Net.ConnectAsync(proxy.Listen);
                await Net.RoundTripAsync(socket, "PING");
            }

            await stop.CancelAsync();
            Assert.Equal(ToxiproxyServerHost.ExitOk, await run.WaitAsync(Net.Patience));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--bogus", "1")]
    [InlineData("stray", "")]
    [InlineData("--config", "/nonexistent/proxies.json")]
    public async Task Invalid_input_exits_2(string flag, string value)
    {
        var error = new StringWriter();
        string[] args = value.Length == 0 ? [flag] : [flag, value, "--port", "0"];

        var code = await ToxiproxyServerHost.RunAsync(args, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(ToxiproxyServerHost.ExitInvalidInput, code);
        Assert.Contains("error:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_config_exits_2()
    {
        var config = Path.GetTempFileName();
        await File.WriteAllTextAsync(config, "[{\"name\":\"no-upstream\"}]");
        try
        {
            var error = new StringWriter();
            var code = await ToxiproxyServerHost.RunAsync(["--port", "0", "--config", config], TextWriter.Null, error, CancellationToken.None);

            Assert.Equal(ToxiproxyServerHost.ExitInvalidInput, code);
            Assert.Contains("missing required field: upstream", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task A_taken_port_exits_3()
    {
        await using var taken = await ToxiproxyServer.StartAsync("127.0.0.1", 0);
        var error = new StringWriter();

        var code = await ToxiproxyServerHost.RunAsync(["--port", taken.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(ToxiproxyServerHost.ExitEnvironment, code);
        Assert.Contains("--port", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        var output = new StringWriter();
        Assert.Equal(ToxiproxyServerHost.ExitOk, await ToxiproxyServerHost.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None));
        Assert.Contains("--config", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_binds_only_the_given_host()
    {
        await using var server = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { Host = "localhost", Port = 0 });

        Assert.Equal(new Uri($"http://127.0.0.1:{server.Port}/"), server.BaseAddress);
        Assert.NotEqual(0, server.Port);
        using var http = new HttpClient();
        var response = await http.GetStringAsync(new Uri(server.BaseAddress, "version"));
        Assert.Contains(ToxiproxyServer.Version, response, StringComparison.Ordinal);
        Assert.Equal(IPAddress.Loopback.ToString(), server.BaseAddress.Host);
    }

    /// <summary>A writer whose lines a test can wait for.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly SemaphoreSlim _changed = new(0);

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }

            if (value == '\n')
            {
                _changed.Release();
            }
        }

        public async Task<string> WaitForAsync(string fragment)
        {
            using var timeout = new CancellationTokenSource(Net.Patience);
            while (true)
            {
                lock (_text)
                {
                    var line = _text.ToString().Split('\n').FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
                    if (line is not null)
                    {
                        return line;
                    }
                }

                await _changed.WaitAsync(timeout.Token);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _changed.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
