using Simulator.AppHost.Cli;

namespace Simulator.AppHost.Tests.Containers;

/// <summary><c>sim</c> run as a process with <c>--runtime containers</c> where no engine answers.</summary>
public sealed class ContainerCliTests
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

    [Fact]
    public void Run_with_the_containers_runtime_and_a_stopped_engine_exits_3_saying_what_was_tried_and_how_to_fix_it()
    {
        // Only a docker CLI whose daemon is down, the way this machine and a laptop with Docker Desktop closed look.
        var bin = ContainerEngineProbeTests.FakeClis(
            ("docker", "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1"));

        var result = ProcessRunner.Run(
            "dotnet",
            [Sim, "run", Fixtures.Shipped("quickstart.yaml"), "--runtime", "containers"],
            new Dictionary<string, string> { ["PATH"] = $"{bin}:/usr/bin:/bin" });

        Assert.Equal(ExitCodes.EnvironmentFailed, result.ExitCode);
        Assert.Contains("--runtime containers needs a running container engine, and none answered", result.Error, StringComparison.Ordinal);
        Assert.Contains("docker: `docker info` failed (exit 1): Cannot connect to the Docker daemon", result.Error, StringComparison.Ordinal);
        Assert.Contains("podman: not installed", result.Error, StringComparison.Ordinal);
        Assert.Contains("To fix: start Docker", result.Error, StringComparison.Ordinal);
        Assert.Contains("--runtime native", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Standing up", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_runtime_is_a_usage_error()
    {
        var result = ProcessRunner.Run("dotnet", [Sim, "run", Fixtures.Shipped("quickstart.yaml"), "--runtime", "kubernetes"]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--runtime must be auto, native or containers, not 'kubernetes'", result.Error, StringComparison.Ordinal);
    }
}
