using System.Globalization;
using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Load.Reports;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// One run of the two-region topology (fault proxy, PostgreSQL primary + standby in eu, a replica in us, Redis,
/// two Odoo emulators and HAProxy per region) with 100 ms between the regions, a partition of the US and a killed
/// Odoo node on the scenario's timeline — watched from outside while it runs.
/// </summary>
public sealed class TwoRegionFaultsTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_link_adds_the_round_trip_a_partition_cuts_it_the_heal_restores_it_and_the_report_says_when()
    {
        var output = Fixtures.TempFolder();
        var scenario = ScenarioFiles.Load(Fixtures.Path("two-region-faults.yaml"), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var endpointsFile = Path.Combine(output, "endpoints.json");
        var run = new ScenarioRun(scenario, TopologyCatalog.TwoRegion, output, TextWriter.Null)
        {
            CreateBuilder = TestingBuilders.Create,
            EndpointsFile = endpointsFile,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));

        var running = run.RunAsync(TimeProvider.System, timeout.Token);
        var watching = WatchAsync(endpointsFile, running, timeout.Token);
        // The run ends by itself; the watch's own failures are seen after it, so nothing is left running.
        var report = await running;
        var seen = await watching;
        log.WriteLine(seen.ToString());
        log.WriteLine(string.Join("; ", report.Faults));

        // 100 ms round trip: half on the requests, half on the replies of us->eu:postgres.
        Assert.InRange(seen.LinkRoundTripMs - seen.DirectRoundTripMs, 95, 140);
        // An Odoo write from the US makes at least one round trip to the EU primary (reads stay on the us replica).
        Assert.True(seen.UsOdooMs - seen.EuOdooMs >= 95, $"us Odoo call {seen.UsOdooMs:0} ms, eu {seen.EuOdooMs:0} ms");

        // Partitioned: new connections through the link and US Odoo calls fail or time out; EU is unaffected.
        Assert.False(seen.LinkWorkedDuringPartition, "a new connection through the partitioned link worked");
        Assert.False(seen.UsOdooWorkedDuringPartition, "a US Odoo call worked during the partition");
        Assert.True(seen.DirectWorkedDuringPartition, "the EU primary was not reachable directly during the partition");

        // Healed: both come back.
        Assert.True(seen.LinkRecoveredAfterSeconds is < 20, $"link recovered after {seen.LinkRecoveredAfterSeconds} s");
        Assert.True(seen.UsOdooRecoveredAfterSeconds is < 30, $"US Odoo recovered after {seen.UsOdooRecoveredAfterSeconds} s");

        // The report holds each fault's actual start and end on the run's clock.
        var written = await ReportJson.ReadAsync(Path.Combine(output, ReportJson.FileName), CancellationToken.None);
        Assert.Equal(report.Faults, written.Faults);
        Assert.Equal(2, written.Faults.Count);
        var partition = written.Faults[0];
        Assert.Equal(("partition", "us", null), (partition.Kind, partition.Target, partition.Error));
        Assert.InRange(partition.StartedAtSeconds, 15, 16);
        Assert.NotNull(partition.EndedAtSeconds);
        Assert.InRange(partition.EndedAtSeconds.Value - partition.StartedAtSeconds, 7.9, 9);
        var kill = written.Faults[1];
        Assert.Equal(("kill", "us-odoo-2", null), (kill.Kind, kill.Target, kill.Error));
        Assert.InRange(kill.StartedAtSeconds, 31, 32);
        Assert.NotNull(kill.EndedAtSeconds);
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, ReportMarkdown.FileName));
        Assert.Contains("partition us at 15", markdown, StringComparison.Ordinal);

        // The US load felt the partition and came back; no acknowledged order was lost.
        var us = written.Workloads.Single(w => w.Region == "us");
        Assert.True(us.Failed + us.Unknown > 0, "no US order import failed during the partition");
        Assert.Contains(us.Intervals, i => i.Second > partition.EndedAtSeconds && i.Ok > 0);
        Assert.True(written.Workloads.Single(w => w.Region == "eu").Ok > 0);
        Assert.Equal(0, written.Ledger.Lost);

        // The retries the report counts are the ones in the region's Odoo logs since the load started, counted again
        // here from the files (the collector's copy), by the line's own timestamp.
        Assert.NotNull(written.Servers);
        Assert.Equal(["eu", "us"], written.Servers.Select(s => s.Region));
        foreach (var server in written.Servers)
        {
            var counted = RetryLinesSince(Path.Combine(output, "logs"), server.Region, written.StartedAt);
            Assert.Equal((counted.Retries, counted.Exhausted), (server.TransactionRetries, server.RetriesExhausted));
        }

        log.WriteLine(string.Join("; ", written.Servers));
        Assert.Contains("**Transaction retries**", markdown, StringComparison.Ordinal);

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    private static (long Retries, long Exhausted) RetryLinesSince(string logs, string region, DateTimeOffset since)
    {
        var lines = Directory.GetFiles(logs, $"{region}-odoo-*.log")
            .SelectMany(File.ReadLines)
            .Where(l => l.Length > 28 && DateTimeOffset.TryParse(l[..28], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at >= since)
            .Select(OdooRetryLog.Classify)
            .ToList();
        return (lines.Count(k => k == OdooRetryLog.Retry), lines.Count(k => k == OdooRetryLog.Exhausted));
    }

    /// <summary>What the probe measured while the scenario ran.</summary>
    private sealed record Seen(
        double DirectRoundTripMs,
        double LinkRoundTripMs,
        double EuOdooMs,
        double UsOdooMs,
        bool LinkWorkedDuringPartition,
        bool UsOdooWorkedDuringPartition,
        bool DirectWorkedDuringPartition,
        double? LinkRecoveredAfterSeconds,
        double? UsOdooRecoveredAfterSeconds);

    private static async Task<Seen> WatchAsync(string endpointsFile, Task running, CancellationToken cancellationToken)
    {
        while (!File.Exists(endpointsFile) || new FileInfo(endpointsFile).Length == 0)
        {
            if (running.IsCompleted)
            {
                await running;
                throw new InvalidOperationException("the run ended before writing its endpoints");
            }

            await Task.Delay(200, cancellationToken);
        }

        await Task.Delay(200, cancellationToken);
        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(endpointsFile, cancellationToken));
        using var probe = new TwoRegionProbe(endpoints.RootElement.Clone());
        using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phase.CancelAfter(Patience);

        // The run applies the latency matrix right after writing the endpoints.
        await probe.WaitForToxicAsync(ProxyMesh.LatencyToxicName, present: true, phase.Token);
        var viaLink = await probe.ViaLinkAsync(phase.Token);
        var direct = await TwoRegionProbe.MedianRoundTripAsync(probe.Direct, 15, phase.Token);
        var link = await TwoRegionProbe.MedianRoundTripAsync(viaLink, 15, phase.Token);
        var eu = await probe.MedianOdooCallAsync("eu", 5, phase.Token);
        var us = await probe.MedianOdooCallAsync("us", 5, phase.Token);

        await probe.WaitForToxicAsync(ProxyLinkFaults.ToxicPrefix, present: true, phase.Token);
        var linkDuring = await TwoRegionProbe.CanQueryAsync(viaLink, phase.Token);
        var usDuring = await probe.OdooCallAsync("us", phase.Token) is not null;
        var directDuring = await TwoRegionProbe.CanQueryAsync(probe.Direct, phase.Token);

        await probe.WaitForToxicAsync(ProxyLinkFaults.ToxicPrefix, present: false, phase.Token);
        var linkBack = await TwoRegionProbe.SecondsUntilAsync(() => TwoRegionProbe.CanQueryAsync(viaLink, phase.Token), TimeSpan.FromSeconds(20), phase.Token);
        var usBack = await TwoRegionProbe.SecondsUntilAsync(async () => await probe.OdooCallAsync("us", phase.Token) is not null, TimeSpan.FromSeconds(30), phase.Token);
        return new Seen(direct, link, eu, us, linkDuring, usDuring, directDuring, linkBack, usBack);
    }
}
