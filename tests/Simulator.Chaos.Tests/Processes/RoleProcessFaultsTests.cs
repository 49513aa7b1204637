using Simulator.Chaos.Tests.Timeline;

namespace Simulator.Chaos.Tests.Processes;

public sealed class RoleProcessFaultsTests
{
    [Fact]
    public async Task A_role_is_resolved_when_the_fault_fires_and_its_undo_acts_on_the_same_resource()
    {
        var inner = new FakeProcessFaults(new RunClock());
        var leader = "eu-pg-1";
        var faults = new RoleProcessFaults(inner, ["leader", "replica"], (role, _) => Task.FromResult(role == "leader" ? leader : "apac-pg-1"));

        var killed = await faults.KillAsync("leader");
        leader = "us-pg-1";
        var started = await faults.StartAsync("leader");
        var paused = await faults.PauseAsync("leader");
        var resumed = await faults.ResumeAsync("leader");
        await faults.StopAsync("eu-redis");

        Assert.Equal(
            ["kill eu-pg-1", "start eu-pg-1", "pause us-pg-1", "resume us-pg-1", "stop eu-redis"],
            inner.Calls.Select(c => $"{c.Action} {c.Target}"));
        Assert.Equal("leader eu-pg-1", killed.Resource);
        Assert.Equal("leader eu-pg-1", started.Resource);
        Assert.Equal("leader us-pg-1", paused.Resource);
        Assert.Equal("leader us-pg-1", resumed.Resource);
    }

    [Fact]
    public async Task A_role_nobody_holds_fails_the_fault_with_the_resolvers_reason()
    {
        var inner = new FakeProcessFaults(new RunClock());
        var faults = new RoleProcessFaults(inner, ["leader"], (_, _) => throw new InvalidOperationException("no node leads now"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => faults.KillAsync("leader"));

        Assert.Equal("no node leads now", error.Message);
        Assert.Empty(inner.Calls);
    }
}
