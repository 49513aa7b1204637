using System.Net;
using System.Text.Json;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests.Run;

/// <summary>
/// A shared stand-up takes another run's replication and timing in place (<see cref="PatroniReconfiguration"/>) only
/// when nothing else differs, sends Patroni every dynamic setting, and waits until the leader acted on the mode.
/// </summary>
public sealed class PatroniReconfigurationTests
{
    private static readonly Uri Rest = new("http://127.0.0.1:8008");

    [Fact]
    public void Only_a_topology_that_differs_in_its_dynamic_patroni_settings_is_reconfigured_in_place()
    {
        var up = With(TopologyCatalog.SinglePrimaryMultiReplica, PatroniReplication.Sync, PatroniTiming.Fast);

        Assert.True(PatroniReconfiguration.CanReconfigure(up, up));
        Assert.True(PatroniReconfiguration.CanReconfigure(up, With(up, PatroniReplication.Async, PatroniTiming.Default)));
        Assert.True(PatroniReconfiguration.CanReconfigure(up, up with { Patroni = up.Patroni! with { MaximumLagOnFailover = 0 } }));
        // The DCS client and the scope are in each node's own configuration file: a new stand-up.
        Assert.False(PatroniReconfiguration.CanReconfigure(up, up with { Patroni = up.Patroni! with { Dcs = PatroniDcs.Etcd3 } }));
        Assert.False(PatroniReconfiguration.CanReconfigure(up, up with { Patroni = up.Patroni! with { Scope = "other" } }));
        // Another shape, or no Patroni at all.
        Assert.False(PatroniReconfiguration.CanReconfigure(up, With(TopologyCatalog.WarmStandbyDr, PatroniReplication.Sync, PatroniTiming.Fast)));
        Assert.False(PatroniReconfiguration.CanReconfigure(up, up with { Name = "renamed" }));
        Assert.False(PatroniReconfiguration.CanReconfigure(TopologyCatalog.SingleRegionHa, TopologyCatalog.SingleRegionHa));
    }

    [Fact]
    public void The_patch_sets_every_setting_a_scenarios_database_key_can_change()
    {
        var options = new PatroniClusterOptions { Replication = PatroniReplication.SyncStrict, Timing = PatroniTiming.Fast, MaximumLagOnFailover = 4096 };

        using var patch = JsonDocument.Parse(PatroniReconfiguration.ConfigPatch(options));

        var root = patch.RootElement;
        Assert.Equal((10, 2, 3, 4096L), (root.GetProperty("ttl").GetInt32(), root.GetProperty("loop_wait").GetInt32(), root.GetProperty("retry_timeout").GetInt32(), root.GetProperty("maximum_lag_on_failover").GetInt64()));
        Assert.True(root.GetProperty("synchronous_mode").GetBoolean());
        Assert.True(root.GetProperty("synchronous_mode_strict").GetBoolean());
        using var async = JsonDocument.Parse(PatroniReconfiguration.ConfigPatch(options with { Replication = PatroniReplication.Async }));
        Assert.False(async.RootElement.GetProperty("synchronous_mode").GetBoolean());
        Assert.False(async.RootElement.GetProperty("synchronous_mode_strict").GetBoolean());
    }

    [Fact]
    public async Task Apply_patches_the_config_and_returns_once_the_leader_dropped_its_synchronous_standby()
    {
        var patroni = new FakePatroni(syncStandbyUntilCall: 3);
        using var http = new HttpClient(patroni);

        await PatroniReconfiguration.ApplyAsync(
            http, Rest, new PatroniClusterOptions { Replication = PatroniReplication.Async }, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);

        var (method, path, body) = Assert.Single(patroni.Requests, r => r.Method == HttpMethod.Patch);
        Assert.Equal("/config", path);
        Assert.Contains("\"synchronous_mode\": false", body, StringComparison.Ordinal);
        Assert.Equal(3, patroni.Requests.Count(r => r.Path == "/cluster"));
    }

    [Fact]
    public async Task Apply_gives_up_with_what_patroni_still_shows_when_the_mode_never_changes()
    {
        var patroni = new FakePatroni(syncStandbyUntilCall: int.MaxValue);
        using var http = new HttpClient(patroni);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => PatroniReconfiguration.ApplyAsync(
            http, Rest, new PatroniClusterOptions { Replication = PatroniReplication.Async }, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None));

        Assert.Contains("us-pg-1 synchronous", error.Message, StringComparison.Ordinal);
    }

    private static TopologySpec With(TopologySpec spec, PatroniReplication replication, PatroniTiming timing) =>
        spec with { Patroni = (spec.Patroni ?? new PatroniClusterOptions()) with { Replication = replication, Timing = timing } };

    /// <summary>Answers <c>PATCH /config</c>, and <c>GET /cluster</c> with us-pg-1 as synchronous standby until the given call.</summary>
    private sealed class FakePatroni(int syncStandbyUntilCall) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Path, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!.AbsolutePath, body));
            if (request.Method == HttpMethod.Patch)
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) };
            }

            var calls = Requests.Count(r => r.Path == "/cluster");
            var role = calls < syncStandbyUntilCall ? "sync_standby" : "replica";
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"members": [{"name": "eu-pg-1", "role": "leader"}, {"name": "us-pg-1", "role": "{{role}}"}]}"""),
            };
        }
    }
}
