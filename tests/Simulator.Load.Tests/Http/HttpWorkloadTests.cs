using Simulator.Load.Http;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Http;

public sealed class HttpWorkloadTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private TinyServer _server = null!;

    public async Task InitializeAsync() => _server = await TinyServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _client.Dispose();

    // Five iterations at 20/s on the real clock; nothing asserted depends on timing (the allowed start lag is generous).
    private async Task<Load.Measurement.WorkloadResult> RunAsync(HttpWorkloadOptions options, int iterations = 5)
    {
        var plan = new LoadPlan(TimeSpan.FromMilliseconds(50 * iterations), [new WorkloadPlan("http", "local", new ConstantRate(20)) { MaxStartLag = TimeSpan.FromSeconds(30) }])
        {
            GracePeriod = TimeSpan.FromSeconds(30),
        };
        var result = await LoadRun.RunAsync(plan, [new HttpWorkload(_client, options, TimeProvider.System)], TimeProvider.System, CancellationToken.None).Guarded();
        return result.Workloads[0];
    }

    [Fact]
    public async Task An_expected_status_is_ok_and_the_bytes_are_counted()
    {
        var w = await RunAsync(new HttpWorkloadOptions { Url = _server.At("/ok") });

        Assert.Equal((5L, 5L, 0L, 0L), (w.Started, w.Ok, w.Failed, w.Unknown));
        Assert.Equal(5 * "hello".Length, w.BytesReceived);
        Assert.Equal(0, w.BytesSent);
        var operation = Assert.Single(w.Operations);
        Assert.Equal(("http.get", 5L), (operation.Name, operation.Ok));
        Assert.NotNull(w.Latency);
    }

    [Fact]
    public async Task A_safe_request_is_sent_once_unmeasured_before_the_run_to_warm_up()
    {
        var warm = await RunAsync(new HttpWorkloadOptions { Url = _server.At("/ok") }, iterations: 3);
        Assert.Equal(3 + 1, _server.Requests);
        var cold = await RunAsync(new HttpWorkloadOptions { Url = _server.At("/ok"), WarmUp = false }, iterations: 3);
        Assert.Equal(4 + 3, _server.Requests);

        Assert.Equal((3L, 3L), (warm.Started, cold.Started));
        Assert.Equal(3 * 5, warm.BytesReceived);
    }

    [Fact]
    public async Task Method_headers_and_body_are_sent()
    {
        var w = await RunAsync(
            new HttpWorkloadOptions
            {
                Url = _server.At("/echo"),
                Method = HttpMethod.Post,
                Headers = new Dictionary<string, string> { ["X-Test"] = "abc", ["Content-Type"] = "text/plain" },
                Body = "{\"n\":1}",
                Operation = "echo",
            },
            iterations: 2);

        Assert.Equal(2, w.Ok);
        Assert.Equal(2 * 7, w.BytesSent);
        Assert.Equal(2 * "text/plain|abc|{\"n\":1}".Length, w.BytesReceived);
        Assert.Equal("echo", Assert.Single(w.Operations).Name);
    }

    [Fact]
    public async Task A_wrong_status_fails_with_the_status_as_its_error_kind()
    {
        var w = await RunAsync(new HttpWorkloadOptions { Url = _server.At("/status/503") }, iterations: 3);

        Assert.Equal((0L, 3L, 0L), (w.Ok, w.Failed, w.Unknown));
        Assert.Equal(new Dictionary<string, long> { ["http-503"] = 3 }, w.ErrorKinds);
        Assert.Equal(new Dictionary<string, long> { ["http-503"] = 3 }, w.Operations[0].ErrorKinds);
    }

    [Fact]
    public async Task An_accepted_range_can_include_non_2xx_statuses()
    {
        var w = await RunAsync(new HttpWorkloadOptions { Url = _server.At("/status/404"), ExpectedStatus = StatusRange.Parse("400-404") }, iterations: 2);

        Assert.Equal(2, w.Ok);
    }

    [Fact]
    public async Task A_request_with_no_answer_within_the_timeout_is_an_unknown_outcome()
    {
        var w = await RunAsync(new HttpWorkloadOptions { Url = _server.At("/hang"), Timeout = TimeSpan.FromMilliseconds(200) }, iterations: 2);

        Assert.Equal((0L, 0L, 2L), (w.Ok, w.Failed, w.Unknown));
        Assert.Equal(new Dictionary<string, long> { ["timeout"] = 2 }, w.ErrorKinds);
    }

    [Fact]
    public async Task A_refused_connection_fails_and_sends_nothing()
    {
        var w = await RunAsync(new HttpWorkloadOptions { Url = new Uri($"http://127.0.0.1:{TinyServer.ClosedPort()}/"), Method = HttpMethod.Post, Body = "x" }, iterations: 2);

        Assert.Equal((0L, 2L, 0L), (w.Ok, w.Failed, w.Unknown));
        Assert.Equal(new Dictionary<string, long> { ["connection-refused"] = 2 }, w.ErrorKinds);
        Assert.Equal(0, w.BytesSent);
    }

    [Theory]
    [InlineData("200", 200, 200, "200")]
    [InlineData("2xx", 200, 299, "2xx")]
    [InlineData(" 200-204 ", 200, 204, "200-204")]
    public void Status_ranges_parse(string text, int min, int max, string shown)
    {
        var range = StatusRange.Parse(text);

        Assert.Equal((min, max), (range.Min, range.Max));
        Assert.Equal(shown, range.ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("300-200")]
    [InlineData("6xx")]
    public void Bad_status_ranges_are_refused(string text) => Assert.Throws<FormatException>(() => StatusRange.Parse(text));

    [Fact]
    public void Invalid_options_are_refused_with_every_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpWorkload(_client, new HttpWorkloadOptions { Url = new Uri("ftp://x/"), Timeout = TimeSpan.Zero }, TimeProvider.System));

        Assert.Contains("absolute http or https URL", error.Message, StringComparison.Ordinal);
        Assert.Contains("timeout must be positive", error.Message, StringComparison.Ordinal);
    }
}
