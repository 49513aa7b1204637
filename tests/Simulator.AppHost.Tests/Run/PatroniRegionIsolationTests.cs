using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Chaos;

namespace Simulator.AppHost.Tests.Run;

public sealed class PatroniRegionIsolationTests
{
    [Fact]
    public async Task A_region_partition_freezes_its_etcd_member_until_healed_and_other_faults_pass_through()
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddNativeTopology(TopologyCatalog.SinglePrimaryMultiReplica, run, RunSecrets.NewOdooCredentials());
        var calls = new List<string>();
        var isolation = new PatroniRegionIsolation(new Links(calls), new Processes(calls), topology);

        var eu = await isolation.PartitionAsync(LinkTarget.Region("eu"));
        var pair = await isolation.PartitionAsync(LinkTarget.Between("us", "apac"));
        await isolation.PartitionAsync(LinkTarget.Region("apac"), PartitionDirection.OneWay);
        await isolation.HealAsync(pair);
        await isolation.HealAsync(eu);
        await isolation.HealAsync(eu);

        Assert.Equal(
            ["partition eu", "pause eu-etcd", "partition us-apac", "partition apac", "heal us-apac", "heal eu", "resume eu-etcd", "heal eu"],
            calls);
    }

    private sealed class Links(List<string> calls) : ILinkFaults
    {
        private long _id;

        public Task<LinkFault> PartitionAsync(LinkTarget target, PartitionDirection direction = PartitionDirection.Both, CancellationToken cancellationToken = default)
        {
            calls.Add($"partition {Name(target)}");
            return Task.FromResult(new LinkFault(++_id, "partition", target, "t", []));
        }

        public Task HealAsync(LinkFault fault, CancellationToken cancellationToken = default)
        {
            calls.Add($"heal {Name(fault.Target)}");
            return Task.CompletedTask;
        }

        public Task<LinkFault> AddLatencyAsync(LinkTarget target, TimeSpan roundTrip, TimeSpan jitter, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<LinkFault> TimeoutAsync(LinkTarget target, TimeSpan? after = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<LinkFault> ResetAsync(LinkTarget target, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<LinkFault>> HealAsync(LinkTarget target, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<LinkFault>> HealAllAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        private static string Name(LinkTarget target) => target.Kind == LinkTargetKind.Pair ? $"{target.First}-{target.Second}" : target.First!;
    }

    private sealed class Processes(List<string> calls) : IProcessFaults
    {
        public Task<ProcessFaultResult> PauseAsync(string resource, CancellationToken cancellationToken = default) => Record("pause", resource);

        public Task<ProcessFaultResult> ResumeAsync(string resource, CancellationToken cancellationToken = default) => Record("resume", resource);

        public Task<ProcessFaultResult> KillAsync(string resource, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ProcessFaultResult> StopAsync(string resource, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<ProcessFaultResult> StartAsync(string resource, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        private Task<ProcessFaultResult> Record(string action, string resource)
        {
            calls.Add($"{action} {resource}");
            return Task.FromResult(new ProcessFaultResult(resource, action, []));
        }
    }
}
