using System.Diagnostics;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>The <c>sim</c> entry point run as a process, the way users and CI run it.</summary>
public sealed class SimProcessTests
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

    [Fact]
    public void An_invalid_scenario_exits_2_naming_file_line_and_field()
    {
        var result = ProcessRunner.Run("dotnet", [Sim, "validate", Fixtures.Path("invalid-run.yaml")]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("invalid-run.yaml:5:", result.Error, StringComparison.Ordinal);
        Assert.Contains("workloads[0].rate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_five_mistakes_of_five_stages_at_once_each_with_a_hint()
    {
        var path = Fixtures.Path("five-mistakes.yaml");

        var result = ProcessRunner.Run("dotnet", [Sim, "validate", path]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(path + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "8:84: workloads[0].thinktime: unknown key `thinktime` (did you mean `think_time`?)",
                "9:67: workloads[1].rate: the rate `20` has no unit (write a unit: 20/s)",
                "10:29: workloads[2].kind: unknown workload kind `warehouse-scann` (did you mean `warehouse-scan`?)",
                "12:27: faults[0].partition: `apac` is not a region, a pair of regions or a link of topology `two-region` (regions: eu, us; a link reads eu-us or eu->us:postgres)",
                "14:18: thresholds[0]: `p95` is not a workload statistic (did you mean `p90` or `p99`?)",
            ],
            errors.Select(e => e[(path.Length + 1)..]));
        Assert.Contains("5 errors", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_lists_every_mistake_of_a_topology_file_and_accepts_the_shipped_catalogue()
    {
        var path = Fixtures.Path(Path.Combine("Topologies", "several-mistakes.yaml"));

        var broken = ProcessRunner.Run("dotnet", [Sim, "validate", path]);
        var shipped = ProcessRunner.Run("dotnet", [Sim, "validate", Path.Combine(TopologyCatalog.Folder, "warm-standby-dr.yaml")]);

        Assert.Equal(ExitCodes.InvalidInput, broken.ExitCode);
        var errors = broken.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith(path + ":", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["4:7: name", "6:51: regions[0].database_replicas", "7:29: regions[1].odoo_nodes", "8:13: regions[2].name", "11:16: database.replication", "12:17: database.warm_standby", "13:3: database.timeout"],
            // line:column: field, then the message and hint.
            errors.Select(e => string.Join(": ", e[(path.Length + 1)..].Split(": ").Take(2))));
        Assert.Contains("7 errors", broken.Error, StringComparison.Ordinal);
        Assert.True(shipped.ExitCode == ExitCodes.Passed, shipped.Output + shipped.Error);
        Assert.Contains("valid topology (warm-standby-dr, 2 region(s): eu, us; database patroni, warm standby)", shipped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_refuses_an_invalid_scenario_before_starting_anything()
    {
        var result = ProcessRunner.Run("dotnet", [Sim, "run", Fixtures.Path("invalid-run.yaml"), "--out", Fixtures.TempFolder()]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.DoesNotContain("Standing up", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quickstart.yaml")]
    [InlineData("import-and-scan.yaml")]
    public void The_shipped_scenarios_are_valid(string scenario)
    {
        var result = ProcessRunner.Run("dotnet", [Sim, "validate", Fixtures.Shipped(scenario)]);

        Assert.True(result.ExitCode == ExitCodes.Passed, result.Output + result.Error);
    }

    [Fact]
    public void The_containers_runtime_without_an_engine_exits_3_saying_how_to_fix_it()
    {
        var result = ProcessRunner.Run("dotnet", [Sim, "run", Fixtures.Shipped("quickstart.yaml"), "--runtime", "containers"]);

        Assert.Equal(ExitCodes.EnvironmentFailed, result.ExitCode);
        Assert.Contains("--runtime native", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verb_or_option_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.InvalidInput, ProcessRunner.Run("dotnet", [Sim, "frobnicate"]).ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, ProcessRunner.Run("dotnet", [Sim, "validate", "x.yaml", "--bogus", "1"]).ExitCode);
    }

    [Fact]
    public void Compare_and_sweep_refuse_what_they_cannot_run_before_starting_anything()
    {
        var scenario = Fixtures.Path("sweepable-import.yaml");
        var one = ProcessRunner.Run("dotnet", [Sim, "compare", scenario, "--topologies", "single-region-ha"]);
        var unknown = ProcessRunner.Run("dotnet", [Sim, "compare", scenario, "--topologies", "single-region-ha,nowhere"]);
        var noFrom = ProcessRunner.Run("dotnet", [Sim, "sweep", scenario, "--to", "4/s"]);
        var badRate = ProcessRunner.Run("dotnet", [Sim, "sweep", scenario, "--from", "2", "--to", "4/s"]);
        var ramp = ProcessRunner.Run("dotnet", [Sim, "sweep", Fixtures.Path("phased-reports.yaml"), "--from", "2/s", "--to", "4/s"]);
        var brokenVariant = Fixtures.Path("Topologies/variant-mistakes.yaml");
        var badFile = ProcessRunner.Run("dotnet", [Sim, "compare", scenario, "--topologies", $"single-region-ha,{brokenVariant}"]);

        Assert.All([one, unknown, noFrom, badRate, ramp, badFile], r => Assert.Equal(ExitCodes.InvalidInput, r.ExitCode));
        Assert.All([one, unknown, noFrom, badRate, ramp, badFile], r => Assert.DoesNotContain("Standing up", r.Output, StringComparison.Ordinal));
        Assert.Contains($"{brokenVariant}:7:29: regions[1].odoo_nodes: `many` is not a whole number", badFile.Error, StringComparison.Ordinal);
        Assert.Contains("at least two names", one.Error, StringComparison.Ordinal);
        Assert.Contains("unknown topology 'nowhere' (known: ", unknown.Error, StringComparison.Ordinal);
        Assert.All(TopologyCatalog.All.Keys, name => Assert.Contains(name, unknown.Error, StringComparison.Ordinal));
        Assert.Contains("sweep needs --from", noFrom.Error, StringComparison.Ordinal);
        Assert.Contains("--from:", badRate.Error, StringComparison.Ordinal);
        Assert.Contains("sweep scales constant-rate workloads only", ramp.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Signals.Interrupt)]
    [InlineData(Signals.Terminate)]
    public async Task Ctrl_C_or_SIGTERM_stops_sim_gracefully_instead_of_killing_it(int signal)
    {
        var start = new ProcessStartInfo(
            "perl",
            ["-e", RestoreSignalsAndExec, "dotnet", Sim, "toxiproxy-server", "--host", "127.0.0.1", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var sim = Process.Start(start)!;
        try
        {
            var stderr = sim.StandardError.ReadToEndAsync();
            var listening = await sim.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Contains("listening on http://127.0.0.1:", listening, StringComparison.Ordinal);

            Assert.Equal(0, Signals.Send(sim.Id, signal));

            Assert.True(sim.WaitForExit(TimeSpan.FromSeconds(30)), "sim did not stop after the signal");
            Assert.Equal(0, sim.ExitCode);
            Assert.Contains("stopping", await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!sim.HasExited)
            {
                sim.Kill(entireProcessTree: true);
            }
        }
    }

    // A test runner may start children with SIGINT ignored or blocked; a terminal does not. perl
    // restores both before exec, so the signal reaches sim the way Ctrl-C would.
    private const string RestoreSignalsAndExec =
        "use POSIX qw(:signal_h); sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGINT)); $SIG{INT} = 'DEFAULT'; exec @ARGV or die";
}
