using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.AppHost.Run.Containers;
using Simulator.AppHost.Tests.Containers;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run.Containers;

/// <summary>
/// A scenario run planned on every catalogue topology in containers mode, with no engine: the app model is built,
/// the ports the engine would publish are handed out by the test, and the load, the faults and their engine
/// commands (through a recording engine) are resolved as a run would.
/// </summary>
public sealed class ContainerRunPlanTests
{
    private const int FirstPublishedPort = 24600;

    [Theory]
    [MemberData(nameof(ContainerTopologyModelTests.CatalogTopologies), MemberType = typeof(ContainerTopologyModelTests))]
    public async Task Every_shipped_scenario_resolves_its_load_and_maps_each_fault_to_a_concrete_action(string name)
    {
        var spec = TopologyCatalog.All[name];
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = new ContainerRunTopology(builder.AddContainerTopology(spec, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));
        var published = Publish(builder);
        var containerNames = ContainerNames(builder);
        var runnable = 0;

        foreach (var scenario in ShippedScenarios())
        {
            var ownTopology = ScenarioFiles.TopologyOf(scenario).Name == name;
            var errors = ContainerFaultPlan.Validate(scenario, topology);
            if (ownTopology)
            {
                // Every shipped scenario runs unchanged in containers on the topology it names.
                Assert.True(errors.Count == 0, $"{scenario.Name}: {string.Join("; ", errors)}");
            }

            if (errors.Count > 0 || scenario.Workloads.Any(w => !spec.Regions.Any(r => r.Name == w.Region)))
            {
                continue;
            }

            runnable++;
            // The load: each workload aimed at its region's Traefik `http` entry point as the engine publishes it.
            using var http = new HttpClient();
            Assert.Equal(scenario.Workloads.Count, LoadPlanFactory.Workloads(scenario, topology, http, TimeProvider.System).Count);
            foreach (var workload in scenario.Workloads)
            {
                Assert.Equal(new Uri($"http://127.0.0.1:{published[(ResourceNaming.Ingress(workload.Region), "http")]}"), topology.IngressUrl(workload.Region));
            }

            var actions = ContainerFaultPlan.Actions(scenario, topology, "docker");
            // Faults marked `only-on` another topology are left out, as natively.
            Assert.Equal(scenario.Faults.Count(f => f.AppliesTo(spec.Name)), actions.Count);
            foreach (var action in actions)
            {
                Assert.True(action.IsConcrete, $"{scenario.Name} {action.Field} ({action.Kind} {action.Target}) maps to nothing");
                // Every command names a container the app model really names so.
                Assert.All(action.EngineCommands, c => Assert.Contains(c.Split(' ')[^1], containerNames));
                Assert.All(action.ToxiproxyLinks, l => Assert.Contains(l, topology.Topology.Links.Select(link => link.Name)));
                if (action.Kind.IsProcessFault() && !action.ResolvedWhenFiring)
                {
                    Assert.Equal(action.EngineCommands, await CarryOutAsync(action, topology));
                }
            }
        }

        Assert.True(runnable > 0, $"no shipped scenario could be planned on {name}");
    }

    [Fact]
    public async Task Faults_map_to_the_named_containers_toxiproxy_links_and_patroni()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var (topology, _) = Published(TopologyCatalog.SinglePrimaryMultiReplica, run);
        var prefix = $"sim-{run.Id}-";

        var redis = Assert.Single(ContainerFaultPlan.Actions(Shipped("redis-loss.yaml"), topology, "docker"));
        Assert.Equal([$"docker kill {prefix}eu-redis", $"docker start {prefix}eu-redis"], redis.EngineCommands);
        Assert.Empty(redis.ToxiproxyLinks);

        var storage = Assert.Single(ContainerFaultPlan.Actions(Shipped("object-storage-outage.yaml"), topology, "podman"));
        Assert.Equal([$"podman stop --time 10 {prefix}eu-s3", $"podman start {prefix}eu-s3"], storage.EngineCommands);

        // The leader is whichever node Patroni names when the fault fires: the commands cover every node.
        var freeze = Assert.Single(ContainerFaultPlan.Actions(Shipped("primary-freeze.yaml"), topology, "docker"));
        Assert.True(freeze.ResolvedWhenFiring);
        Assert.Equal(
            [.. new[] { "pause", "unpause" }.SelectMany(verb => new[] { "eu", "us", "apac" }.Select(r => $"docker {verb} {prefix}{r}-pg-1"))],
            freeze.EngineCommands);

        // A region partition cuts every link touching eu (per node: postgres-1, patroni-1) and freezes eu's etcd member.
        var isolation = Assert.Single(ContainerFaultPlan.Actions(Shipped("primary-region-isolation.yaml"), topology, "docker"));
        Assert.Equal([$"docker pause {prefix}eu-etcd", $"docker unpause {prefix}eu-etcd"], isolation.EngineCommands);
        Assert.Contains("*->eu:postgres-1", isolation.ToxiproxyLinks);
        Assert.Contains("*->eu:etcd-peer", isolation.ToxiproxyLinks);
        Assert.Contains("us->eu:patroni-1", isolation.ToxiproxyLinks);
        Assert.Contains("eu->apac:etcd", isolation.ToxiproxyLinks);
        Assert.DoesNotContain("us->apac:etcd", isolation.ToxiproxyLinks);
        Assert.DoesNotContain("*->us:postgres-1", isolation.ToxiproxyLinks);

        var switchover = Assert.Single(ContainerFaultPlan.Actions(Shipped("planned-switchover.yaml"), topology, "docker"));
        Assert.Contains("POST /switchover", switchover.PatroniRequest, StringComparison.Ordinal);
        Assert.Contains("apac-pg-1", switchover.PatroniRequest, StringComparison.Ordinal);

        // The same engine, through the faults a run hands the timeline: the region isolation pauses the etcd container.
        var engine = new RecordingContainerEngine();
        var processes = new ContainerProcessFaults(engine, topology.Containers);
        var links = new PatroniRegionIsolation(new NoLinkFaults(), processes, topology);
        var cut = await links.PartitionAsync(LinkTarget.Region("eu"));
        await links.HealAsync(cut);
        Assert.Equal(isolation.EngineCommands, engine.Commands);
    }

    [Fact]
    public void A_region_failover_on_a_warm_standby_fences_eu_with_the_engine_and_promotes_us_through_patroni()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var (topology, published) = Published(TopologyCatalog.WarmStandbyDr, run);
        var prefix = $"sim-{run.Id}-";
        var scenario = Fixture("warm-standby-dr-isolation.yaml");

        Assert.Empty(ContainerFaultPlan.Validate(scenario, topology));
        var actions = ContainerFaultPlan.Actions(scenario, topology, "docker");
        Assert.Equal(2, actions.Count);

        // The partition cuts every link touching eu and freezes no etcd: each region's serves its own cluster only.
        var partition = actions[0];
        Assert.Empty(partition.EngineCommands);
        Assert.Equal(
            ["eu->us:patroni-1", "eu->us:postgres-1", "us->eu:patroni-1", "us->eu:patroni-2", "us->eu:postgres-1", "us->eu:postgres-2"],
            partition.ToxiproxyLinks.Order(StringComparer.Ordinal));

        // The failover: eu's cluster killed and left down, then us's standby cluster promoted over its REST API.
        var failover = actions[1];
        Assert.Equal(FaultType.RegionFailover, failover.Kind);
        Assert.Equal([$"docker kill {prefix}eu-pg-1", $"docker kill {prefix}eu-pg-2"], failover.EngineCommands);
        Assert.Equal("""PATCH /config {"standby_cluster": null} to us-pg-1's Patroni REST API""", failover.PatroniRequest);

        // The probe watches both clusters, each with its own etcd and scope, on the published ports.
        using var probe = topology.ClusterProbe(TimeSpan.FromSeconds(1));
        Assert.Single(probe.Standbys);
        Assert.Equal(new Uri($"http://127.0.0.1:{published[("us-pg-1", "patroni")]}"), ContainerRunTopology.RestUrl(topology.Topology.Region("us").DatabaseNodes[0].Resource));

        // A region failover refused where nothing stands by: on the active region, and on a topology without standby clusters.
        var misplaced = ScenarioLoader.Load(
            Fixtures.Path("region-failover-misplaced.yaml"), new ScenarioLoadOptions { Catalog = ScenarioTopologyCatalog.Instance }).Scenario;
        Assert.NotNull(misplaced);
        var spmr = new ContainerRunTopology(TestingBuilders.Create().AddContainerTopology(
            TopologyCatalog.SinglePrimaryMultiReplica, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));
        var refused = Assert.Single(ContainerFaultPlan.Validate(misplaced, spmr));
        Assert.Equal("faults[1].region-failover", refused.Field);
        Assert.Contains("warm-standby-dr", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_failover_run_on_containers_kills_eus_containers_then_promotes_us_pg_1_over_its_published_rest_port()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var (topology, _) = Published(TopologyCatalog.WarmStandbyDr, run);
        await using var patroni = new FakePatroniRest();
        // The engine publishes us-pg-1's REST API where the fake listens.
        var rest = topology.Topology.Region("us").DatabaseNodes[0].Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "patroni");
        rest.AllocatedEndpoint = new AllocatedEndpoint(rest, "127.0.0.1", patroni.Port);
        var engine = new RecordingContainerEngine();
        var failover = topology.RegionFailover(new ContainerProcessFaults(engine, topology.Containers), TimeProvider.System);

        Assert.NotNull(failover);
        var outcome = await failover.RunAsync("us", CancellationToken.None);

        Assert.StartsWith("fenced eu-pg-1, eu-pg-2; promoted us-pg-1 in ", outcome, StringComparison.Ordinal);
        Assert.Equal([$"docker kill sim-{run.Id}-eu-pg-1", $"docker kill sim-{run.Id}-eu-pg-2"], engine.Commands);
        Assert.Equal("""PATCH /config {"standby_cluster": null}""", patroni.Requests[0]);
        Assert.Equal("GET /patroni", patroni.Requests[^1]);
        // The fault plan describes exactly what ran.
        var planned = ContainerFaultPlan.Actions(Fixture("warm-standby-dr-isolation.yaml"), topology, "docker")[1];
        Assert.Equal(planned.EngineCommands, engine.Commands);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failover.RunAsync("eu", CancellationToken.None));
        Assert.Null(new ContainerRunTopology(TestingBuilders.Create().AddContainerTopology(
            TopologyCatalog.SinglePrimaryMultiReplica, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default))
            .RegionFailover(new ContainerProcessFaults(engine, topology.Containers), TimeProvider.System));
    }

    [Fact]
    public async Task A_partition_on_regional_segmented_cuts_only_the_dr_links_and_freezes_no_etcd()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var (topology, _) = Published(TopologyCatalog.RegionalSegmented, run);
        var scenario = Shipped("regional-segmented.yaml");

        // No longer refused: sim run --runtime containers checks this before anything starts.
        Assert.Null(ContainerTopologyBuilder.RefusalOf(TopologyCatalog.RegionalSegmented));
        Assert.Empty(ContainerFaultPlan.Validate(scenario, topology));
        Assert.Equal(
            TopologyCatalog.RegionalSegmented.LinkNames().Select(l => l.ToString()).Order(StringComparer.Ordinal),
            topology.LinkNames.Select(l => l.ToString()).Order(StringComparer.Ordinal));

        // The cut of eu stops both DR streams and nothing else; each region's etcd serves its own servers only, so none
        // is frozen and both primaries keep their leadership, as natively where they have no DCS at all.
        var partition = Assert.Single(ContainerFaultPlan.Actions(scenario, topology, "docker"));
        Assert.Equal(["eu->us:postgres", "us->eu:postgres"], partition.ToxiproxyLinks.Order(StringComparer.Ordinal));
        Assert.Empty(partition.EngineCommands);

        // The same through the faults a run hands the timeline.
        var engine = new RecordingContainerEngine();
        var isolation = new PatroniRegionIsolation(new NoLinkFaults(), new ContainerProcessFaults(engine, topology.Containers), topology);
        var cut = await isolation.PartitionAsync(LinkTarget.Region("eu"));
        await isolation.HealAsync(cut);
        Assert.Empty(engine.Commands);

        // A tenant's ledger check goes to its own server: acme's in eu, globex's in us.
        Assert.Equal("eu-pg-1", topology.Topology.TenantServers["acme"].Name);
        Assert.Equal("us-pg-1", topology.Topology.TenantServers["globex"].Name);
    }

    [Fact]
    public void Slow_links_on_two_regions_go_through_every_database_node_link_between_them()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        var topology = new ContainerRunTopology(builder.AddContainerTopology(
            TopologyCatalog.TwoRegion, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));

        var latency = Assert.Single(ContainerFaultPlan.Actions(Shipped("slow-inter-region-link.yaml"), topology, "docker"));

        Assert.Empty(latency.EngineCommands);
        // us's ingress reaches both eu nodes, eu's the us node; etcd clients both ways. Shared `*->` links are left alone.
        Assert.Equal(
            ["eu->us:etcd", "eu->us:patroni-1", "eu->us:postgres-1", "us->eu:etcd", "us->eu:patroni-1", "us->eu:patroni-2", "us->eu:postgres-1", "us->eu:postgres-2"],
            latency.ToxiproxyLinks.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Faults_the_containers_runtime_cannot_carry_out_are_errors_with_file_line_and_field()
    {
        var path = Fixtures.Path("containers-unmappable-faults.yaml");
        var scenario = ScenarioLoader.Load(path, new ScenarioLoadOptions { Catalog = ScenarioTopologyCatalog.Instance }).Scenario;
        Assert.NotNull(scenario);
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = new ContainerRunTopology(TestingBuilders.Create().AddContainerTopology(
            TopologyCatalog.SinglePrimaryMultiReplica, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));

        var errors = ContainerFaultPlan.Validate(scenario, topology);

        // No router container (Traefik routes to the leader) and no per-service `postgres` link (one per node).
        Assert.Equal(2, errors.Count);
        Assert.Equal((7, "faults[0].kill"), (errors[0].Line, errors[0].Field));
        Assert.Contains("eu-pg-router", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((8, "faults[1].partition"), (errors[1].Line, errors[1].Field));
        Assert.Contains("us->eu:postgres", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("us->eu:postgres-1", errors[1].ToString(), StringComparison.Ordinal);
        Assert.StartsWith(path + ":7:", errors[0].ToString(), StringComparison.Ordinal);
        // The native runtime has both, and no per-node link: the same file fails there on the last fault instead.
        Assert.Equal(["faults[3].latency"], FaultPlan.Validate(scenario, TopologyCatalog.SinglePrimaryMultiReplica).Select(e => e.Field));
    }

    [Fact]
    public async Task A_fault_session_on_the_containers_seam_puts_toxics_on_the_toxiproxy_links_and_runs_engine_commands()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var (topology, _) = Published(TopologyCatalog.SinglePrimaryMultiReplica, run);
        // Toxiproxy loading the container's generated proxies.json, here on loopback (upstreams are only dialled on a connection).
        var proxy = topology.Topology.FaultProxy!.Resource;
        var config = JsonNode.Parse(proxy.GeneratedFile("/etc/toxiproxy/proxies.json")!)!.AsArray();
        foreach (var link in config)
        {
            link!["listen"] = "127.0.0.1:0";
        }

        await using var toxiproxy = await ToxiproxyServer.StartAsync("127.0.0.1", 0);
        toxiproxy.Populate(config.ToJsonString());
        proxy.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "api").AllocatedEndpoint =
            new AllocatedEndpoint(proxy.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "api"), "127.0.0.1", toxiproxy.Port);
        using var client = toxiproxy.CreateClient();
        var engine = new RecordingContainerEngine();
        var console = new StringWriter();
        var prefix = $"sim-{run.Id}-";

        await using var session = await FaultSession.StartAsync(
            topology, new FaultActors(new ContainerProcessFaults(engine, topology.Containers), topology.ClusterProbe(TimeSpan.FromSeconds(1)), null),
            Fixture("containers-faults-now.yaml"), console, TimeProvider.System);
        Assert.Contains("Network: eu–us 80 ms round trip", console.ToString(), StringComparison.Ordinal);
        Assert.Contains(await client.GetToxicsAsync("us->eu:postgres-1"), t => t.Name == "sim_latency");
        Assert.Contains(await client.GetToxicsAsync("*->apac:etcd-peer"), t => t.Name == "sim_latency");

        session.Begin(TimeProvider.System.GetTimestamp());
        await WaitUntilAsync(() => engine.Commands.Contains($"docker pause {prefix}eu-etcd") && engine.Commands.Contains($"docker kill {prefix}eu-redis"));
        Assert.Contains(await client.GetToxicsAsync("*->eu:postgres-1"), t => t.Name.StartsWith("sim_fault_", StringComparison.Ordinal));
        Assert.Contains(await client.GetToxicsAsync("eu->us:etcd"), t => t.Name.StartsWith("sim_fault_", StringComparison.Ordinal));
        Assert.DoesNotContain(await client.GetToxicsAsync("us->apac:etcd"), t => t.Name.StartsWith("sim_fault_", StringComparison.Ordinal));

        // Each ends after its `for:`: the redis container is started again, eu's etcd unpaused, the links healed.
        await WaitUntilAsync(() => engine.Commands.Contains($"docker unpause {prefix}eu-etcd") && engine.Commands.Contains($"docker start {prefix}eu-redis"));
        var reports = await session.EndAsync();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.True(r.Error is null && r.EndedAtSeconds is not null, $"{r.Kind} {r.Target}: {r.Error}"));
        Assert.DoesNotContain(await client.GetToxicsAsync("*->eu:postgres-1"), t => t.Name.StartsWith("sim_fault_", StringComparison.Ordinal));
        Assert.Equal(4, engine.Commands.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static Scenario Fixture(string file)
    {
        var scenario = ScenarioFiles.Load(Fixtures.Path(file), durationOverride: null, new StringWriter());
        Assert.NotNull(scenario);
        return scenario;
    }

    private static async Task<IReadOnlyList<string>> CarryOutAsync(ContainerFaultAction action, ContainerRunTopology topology)
    {
        var engine = new RecordingContainerEngine();
        var faults = new ContainerProcessFaults(engine, topology.Containers);
        var undone = action.EngineCommands.Count > topology.Containers(action.Target).Count;
        switch (action.Kind)
        {
            case FaultType.Kill:
                await faults.KillAsync(action.Target);
                break;
            case FaultType.Stop:
                await faults.StopAsync(action.Target);
                break;
            case FaultType.Pause:
                await faults.PauseAsync(action.Target);
                await faults.ResumeAsync(action.Target);
                return engine.Commands;
            default:
                await faults.StartAsync(action.Target);
                return engine.Commands;
        }

        if (undone)
        {
            await faults.StartAsync(action.Target);
        }

        return engine.Commands;
    }

    /// <summary>The containers model of <paramref name="spec"/>, its ports handed out as the engine would publish them.</summary>
    private static (ContainerRunTopology Topology, Dictionary<(string Resource, string Endpoint), int> Published) Published(TopologySpec spec, RunDirectory run)
    {
        var builder = TestingBuilders.Create();
        var topology = new ContainerRunTopology(builder.AddContainerTopology(spec, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));
        return (topology, Publish(builder));
    }

    /// <summary>Hands out host ports to every endpoint, as the engine does when it publishes them.</summary>
    private static Dictionary<(string Resource, string Endpoint), int> Publish(IDistributedApplicationBuilder builder)
    {
        var ports = new Dictionary<(string, string), int>();
        var next = FirstPublishedPort;
        foreach (var resource in builder.Resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "127.0.0.1", next);
                ports[(resource.Name, endpoint.Name)] = next++;
            }
        }

        return ports;
    }

    private static HashSet<string> ContainerNames(IDistributedApplicationBuilder builder) =>
        [.. builder.Resources.OfType<ContainerResource>().Select(r => Assert.Single(r.Annotations.OfType<ContainerNameAnnotation>()).Name)];

    private static IEnumerable<Scenario> ShippedScenarios() =>
        Directory.GetFiles(Path.GetDirectoryName(Fixtures.Shipped("x"))!, "*.yaml").Order(StringComparer.Ordinal).Select(Shipped);

    private static Scenario Shipped(string file)
    {
        var scenario = ScenarioFiles.Load(Fixtures.Shipped(Path.GetFileName(file)), durationOverride: null, new StringWriter());
        Assert.NotNull(scenario);
        return scenario;
    }

    /// <summary>Link faults that only hand back a handle: the test looks at what the isolation does to the etcd container.</summary>
    private sealed class NoLinkFaults : ILinkFaults
    {
        public Task<LinkFault> PartitionAsync(LinkTarget target, PartitionDirection direction = PartitionDirection.Both, CancellationToken cancellationToken = default) =>
            Task.FromResult(new LinkFault(1, "partition", target, "t", []));

        public Task HealAsync(LinkFault fault, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<LinkFault>> HealAsync(LinkTarget target, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LinkFault>>([]);

        public Task<IReadOnlyList<LinkFault>> HealAllAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LinkFault>>([]);

        public Task<LinkFault> AddLatencyAsync(LinkTarget target, TimeSpan roundTrip, TimeSpan jitter, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<LinkFault> TimeoutAsync(LinkTarget target, TimeSpan? after = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<LinkFault> ResetAsync(LinkTarget target, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
