using Simulator.AppHost.Cli;
using Simulator.AppHost.Runtime;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>The engine probe against fake <c>docker</c>/<c>podman</c> CLIs (real processes), and the runtime choice built on it.</summary>
public sealed class ContainerEngineProbeTests
{
    [Fact]
    public async Task An_engine_that_answers_is_chosen_with_its_version()
    {
        var bin = FakeClis(("docker", "echo 28.2.2"));

        var status = await new ContainerEngineProbe(TimeSpan.FromSeconds(5), bin).ProbeAsync(CancellationToken.None);

        Assert.True(status.Healthy);
        Assert.Equal("docker", status.Engine);
        Assert.Equal("28.2.2", status.Version);
        Assert.Equal(["docker: engine 28.2.2 answered"], status.Findings);
    }

    [Fact]
    public async Task A_stopped_daemon_a_hung_cli_and_a_missing_one_each_say_why()
    {
        var bin = FakeClis(
            ("docker", "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1"),
            ("podman", "sleep 30"));

        var status = await new ContainerEngineProbe(TimeSpan.FromMilliseconds(500), bin).ProbeAsync(CancellationToken.None);

        Assert.False(status.Healthy);
        Assert.Equal(
            [
                "docker: `docker info` failed (exit 1): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
                "podman: `podman info` did not answer within 0.5 s",
            ],
            status.Findings);

        var none = await new ContainerEngineProbe(TimeSpan.FromSeconds(1), FakeClis()).ProbeAsync(CancellationToken.None);
        Assert.Equal(["docker: not installed (no docker on PATH)", "podman: not installed (no podman on PATH)"], none.Findings);
    }

    [Fact]
    public async Task Auto_falls_back_to_native_saying_why_and_containers_without_an_engine_is_an_environment_failure()
    {
        var stopped = new ContainerEngineProbe(TimeSpan.FromSeconds(5), FakeClis(("docker", "echo 'daemon down' >&2; exit 1")));

        var auto = await RuntimeSelector.ChooseAsync(null, stopped, CancellationToken.None);
        Assert.Equal(SimRuntime.Native, auto.Runtime);
        Assert.Equal("Runtime: native (auto: no container engine answered — docker: `docker info` failed (exit 1): daemon down; podman: not installed (no podman on PATH))", auto.ToString());

        var failure = await Assert.ThrowsAsync<EnvironmentSetupException>(() => RuntimeSelector.ChooseAsync("containers", stopped, CancellationToken.None));
        Assert.Contains("none answered: docker: `docker info` failed (exit 1): daemon down", failure.Message, StringComparison.Ordinal);
        Assert.Contains("--runtime native", failure.Message, StringComparison.Ordinal);
        Assert.Contains("podman machine start", failure.Message, StringComparison.Ordinal);

        Assert.Equal(SimRuntime.Native, (await RuntimeSelector.ChooseAsync("native", stopped, CancellationToken.None)).Runtime);
        await Assert.ThrowsAsync<CliUsageException>(() => RuntimeSelector.ChooseAsync("kubernetes", stopped, CancellationToken.None));
    }

    [Fact]
    public async Task A_healthy_engine_is_reported_and_containers_says_plainly_that_runs_are_not_wired_yet()
    {
        var healthy = new ContainerEngineProbe(TimeSpan.FromSeconds(5), FakeClis(("podman", "echo 5.4.1")));

        var auto = await RuntimeSelector.ChooseAsync("auto", healthy, CancellationToken.None);
        Assert.Contains("podman: engine 5.4.1 answered", auto.Reason, StringComparison.Ordinal);
        if (RuntimeSelector.ContainerRunsWired)
        {
            Assert.Equal(SimRuntime.Containers, auto.Runtime);
            Assert.Equal("podman", auto.Engine);
        }
        else
        {
            Assert.Equal(SimRuntime.Native, auto.Runtime);
            var refused = await Assert.ThrowsAsync<EnvironmentSetupException>(() => RuntimeSelector.ChooseAsync("containers", healthy, CancellationToken.None));
            Assert.Contains("podman: engine 5.4.1 answered", refused.Message, StringComparison.Ordinal);
            Assert.Contains("--runtime native", refused.Message, StringComparison.Ordinal);

            // `sim run` can: asked for, containers run on the engine that answered; auto still stays native.
            var asked = await RuntimeSelector.ChooseAsync("containers", healthy, CancellationToken.None, verbRunsContainers: true);
            Assert.Equal((SimRuntime.Containers, "podman"), (asked.Runtime, asked.Engine));
            var automatic = await RuntimeSelector.ChooseAsync(null, healthy, CancellationToken.None, verbRunsContainers: true);
            Assert.Equal(SimRuntime.Native, automatic.Runtime);
            Assert.Contains("only when asked for (--runtime containers)", automatic.Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>A folder holding executable shell scripts standing for the named CLIs; use it as the whole PATH.</summary>
    internal static string FakeClis(params (string Name, string Body)[] clis)
    {
        var folder = Fixtures.TempFolder();
        foreach (var (name, body) in clis)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return folder;
    }
}
