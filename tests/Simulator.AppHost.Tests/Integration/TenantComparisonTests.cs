using Simulator.AppHost.Cli;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Comparison;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// The noisy-neighbour comparison as users run it, shortened: <c>sim compare</c> on <c>multi-tenant-shared</c> (acme
/// and globex on one PostgreSQL server) and <c>dedicated-tenant</c> (a server each), both tenants served by the same
/// Odoo nodes, acme bursting its import while globex scans. About 3 minutes here (two topologies stood up in turn).
/// It is also CI's check of <c>sim compare</c> itself: each run's own report kept and agreeing with the side-by-side
/// figures, and the summary written as JSON, Markdown and HTML.
/// </summary>
public sealed class TenantComparisonTests(ITestOutputHelper output)
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

    [Fact]
    public void Noisy_neighbour_runs_on_shared_and_dedicated_tenant_servers_with_figures_per_tenant()
    {
        var folder = Fixtures.TempFolder();

        var result = ProcessRunner.Run(
            "dotnet",
            [Sim, "compare", Fixtures.Path("noisy-neighbour-short.yaml"), "--topologies", "multi-tenant-shared,dedicated-tenant", "--runtime", "native", "--out", folder],
            timeout: TimeSpan.FromMinutes(6));

        Assert.True(result.ExitCode == ExitCodes.Passed, result.Output + result.Error);
        var comparison = ComparisonJson.Deserialize(File.ReadAllText(Path.Combine(folder, ComparisonJson.FileName)));
        Assert.Equal(["multi-tenant-shared", "dedicated-tenant"], comparison.Runs.Select(r => r.Topology));
        // One database server more: eu-pg-2 holds globex's database on its own.
        Assert.Equal([6, 7], comparison.Runs.Select(r => r.Nodes ?? 0));
        var globexP99 = new List<double>();
        foreach (var run in comparison.Runs)
        {
            var report = ReportJson.Deserialize(File.ReadAllText(Path.Combine(folder, run.ReportPath)));
            var import = report.Workloads.Single(w => w.Name == "acme-import");
            var scan = report.Workloads.Single(w => w.Name == "globex-scan");
            Assert.Equal(run.Topology, report.Topology);
            Assert.Equal(
                report.Workloads.Select(w => (w.Name, w.Ok)).Order(),
                run.Workloads.Select(w => (w.Workload, w.Ok)).Order());
            Assert.Equal(("acme", "globex"), (import.Tenant, scan.Tenant));
            Assert.True(import.Ok > 0 && scan.Ok > 0, $"{run.Topology}: acme imported {import.Ok}, globex scanned {scan.Ok}");
            // Every acknowledged order was found confirmed in acme's own database (globex numbers its orders from S00001 too).
            Assert.True(run.Ledger.Acknowledged > 0, $"{run.Topology}: nothing acknowledged");
            Assert.Equal(0, run.Ledger.Lost);
            globexP99.Add(scan.LatencyMs!.P99);
            output.WriteLine(
                $"{run.Topology}: globex-scan p50 {scan.LatencyMs?.P50:0} ms p99 {scan.LatencyMs?.P99:0} ms ({scan.Ok} ok, {scan.Failed} failed); "
                + $"acme-import p50 {import.LatencyMs?.P50:0} ms p99 {import.LatencyMs?.P99:0} ms ({import.Ok} ok, {import.Failed} failed)");
        }

        // The neighbour effect: globex's scan tail under acme's burst is worse when acme's database shares globex's
        // server (measured 1.84-1.88 s against 0.84-0.85 s in two runs, 825 against 317 ms in a third on a quieter machine,
        // 1.37 s against 0.70 s in a first one whose backlog ran dry; see docs/topology-catalogue.md).
        // Only the direction is asserted: the machine is shared and the size of the gap is not reliable.
        Assert.True(globexP99[0] > globexP99[1], $"globex-scan p99: shared {globexP99[0]:0} ms, dedicated {globexP99[1]:0} ms");

        var md = File.ReadAllText(Path.Combine(folder, ComparisonMarkdown.FileName));
        Assert.Contains("| nodes | 6 | 7 |", md, StringComparison.Ordinal);
        Assert.Contains("comparison.md", result.Output, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", File.ReadAllText(Path.Combine(folder, ComparisonHtml.FileName)), StringComparison.Ordinal);
        Assert.Contains("globex-scan@eu/globex", md, StringComparison.Ordinal);
        Assert.Contains("acme-import@eu/acme", md, StringComparison.Ordinal);
    }
}
