using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// Stands the real single-region topology up through Aspire.Hosting.Testing — PostgreSQL primary and
/// replica, Redis, two Odoo emulators, HAProxy — and drives order import through the ingress.
/// </summary>
public sealed class NativeRunTests
{
    [Fact]
    public async Task Fifteen_seconds_of_order_import_are_acknowledged_and_none_is_lost()
    {
        var output = Fixtures.TempFolder();
        var scenario = ScenarioFiles.Load(Fixtures.Path("short-import.yaml"), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var endpointsFile = Path.Combine(output, "endpoints.json");
        var run = new ScenarioRun(scenario, TopologyCatalog.SingleRegionHa, output, TextWriter.Null)
        {
            CreateBuilder = TestingBuilders.Create,
            EndpointsFile = endpointsFile,
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var report = await run.RunAsync(TimeProvider.System, timeout.Token);

        var workload = Assert.Single(report.Workloads);
        Assert.True(workload.Ok > 0, "no order was acknowledged");
        Assert.Equal(0, workload.Failed);
        Assert.NotNull(workload.AchievedRate);
        Assert.NotNull(workload.TargetRate);
        Assert.InRange(workload.AchievedRate.Value, 0.95 * workload.TargetRate.Value, 1.05 * workload.TargetRate.Value);
        Assert.Equal(workload.Ok, report.Ledger.Acknowledged);
        Assert.Equal(0, report.Ledger.Lost);
        Assert.True(report.Passed, string.Join("; ", report.Thresholds.Select(t => $"{t.Expression}: {t.Actual}")));

        // What was written agrees with what was returned.
        var written = await ReportJson.ReadAsync(Path.Combine(output, ReportJson.FileName), CancellationToken.None);
        Assert.Equal(report.Ledger, written.Ledger);
        var ledger = await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), CancellationToken.None);
        Assert.Equal(report.Ledger.Acknowledged, ledger.Count);
        Assert.All(ledger, e => Assert.Matches("^S[0-9]{5,}$", e.Id));
        Assert.Contains("lost_writes == 0", await File.ReadAllTextAsync(Path.Combine(output, ReportMarkdown.FileName)), StringComparison.Ordinal);

        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(endpointsFile));
        Assert.Equal("native", endpoints.RootElement.GetProperty("runtime").GetString());
        var eu = endpoints.RootElement.GetProperty("regions").GetProperty("eu");
        Assert.StartsWith("http://127.0.0.1:", eu.GetProperty("odoo").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1", eu.GetProperty("postgres").GetString(), StringComparison.Ordinal);

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }
}
