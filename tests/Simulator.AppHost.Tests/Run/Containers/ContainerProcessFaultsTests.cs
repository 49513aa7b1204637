using Simulator.AppHost.Run.Containers;
using Simulator.AppHost.Tests.Containers;

namespace Simulator.AppHost.Tests.Run.Containers;

public sealed class ContainerProcessFaultsTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Containers = new(StringComparer.Ordinal)
    {
        ["eu-pg-1"] = ["sim-r-eu-pg-1"],
        ["eu"] = ["sim-r-eu-etcd", "sim-r-eu-pg-1"],
    };

    [Fact]
    public async Task Each_action_is_one_engine_command_per_container_and_only_what_was_paused_is_unpaused()
    {
        var engine = new RecordingContainerEngine();
        var faults = new ContainerProcessFaults(engine, Resolve);

        await faults.ResumeAsync("eu-pg-1"); // never paused: the engine would refuse, so nothing is sent
        var killed = await faults.KillAsync("eu-pg-1");
        await faults.StartAsync("eu-pg-1");
        await faults.PauseAsync("eu");
        await faults.ResumeAsync("eu");
        await faults.ResumeAsync("eu");
        await faults.StopAsync("eu-pg-1");

        Assert.Equal(
            [
                "docker kill sim-r-eu-pg-1",
                "docker start sim-r-eu-pg-1",
                "docker pause sim-r-eu-etcd",
                "docker pause sim-r-eu-pg-1",
                "docker unpause sim-r-eu-etcd",
                "docker unpause sim-r-eu-pg-1",
                "docker stop --time 10 sim-r-eu-pg-1",
            ],
            engine.Commands);
        Assert.Equal("kill eu-pg-1", killed.ToString());
    }

    [Fact]
    public async Task A_failing_command_or_an_unknown_target_fails_the_fault_saying_why()
    {
        var faults = new ContainerProcessFaults(new RecordingContainerEngine { FailWhenContaining = "kill" }, Resolve);

        var failed = await Assert.ThrowsAsync<ContainerEngineException>(() => faults.KillAsync("eu-pg-1"));
        Assert.Contains("docker kill sim-r-eu-pg-1", failed.Message, StringComparison.Ordinal);
        Assert.Contains("No such container", failed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => faults.StopAsync("us-pg-1"));
    }

    [Fact]
    public async Task The_cli_engine_reports_the_command_its_exit_code_and_what_the_engine_said()
    {
        var folder = ContainerEngineProbeTests.FakeClis(
            ("docker", "echo \"args: $*\"\n[ \"$1\" = kill ] && { echo 'Error response from daemon: No such container: x' >&2; exit 1; }\nexit 0"));
        var cli = Path.Combine(folder, "docker");
        var engine = new CliContainerEngine(cli, TimeSpan.FromSeconds(10));

        await engine.RunAsync(["start", "x"], CancellationToken.None);
        var failed = await Assert.ThrowsAsync<ContainerEngineException>(() => engine.RunAsync(["kill", "x"], CancellationToken.None));

        Assert.Equal("`docker kill x` failed (exit 1): Error response from daemon: No such container: x", failed.Message);
        Assert.Equal("docker", engine.Name);
    }

    private static IReadOnlyList<string> Resolve(string target) =>
        Containers.TryGetValue(target, out var names) ? names : throw new KeyNotFoundException(target);
}
