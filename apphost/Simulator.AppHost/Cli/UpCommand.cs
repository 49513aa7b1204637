using System.Globalization;
using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Run;
using Simulator.AppHost.Runtime;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Cli;

/// <summary><c>sim up [topology] [--runtime auto|native|containers] [--endpoints FILE]</c>: stand a topology up and keep it running until Ctrl-C.</summary>
public static class UpCommand
{
    /// <summary>Runs the verb; returns the exit code.</summary>
    public static async Task<int> RunAsync(CliArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var topologyName = args.Positionals.Count > 0 ? args.Positionals[0] : TopologyCatalog.SingleRegionHa.Name;
        var endpointsFile = args.Option("endpoints");
        var noDashboard = args.Flag("no-dashboard");
        var runtime = args.Option("runtime");
        args.RejectUnknownOptions();
        var topology = TopologyCatalog.Find(topologyName)
            ?? throw new CliUsageException(
                $"unknown topology '{topologyName}'; known: {string.Join(", ", TopologyCatalog.All.Keys)}");

        Console.WriteLine(await RuntimeSelector.ChooseAsync(runtime, ContainerEngineProbe.Default, cancellationToken));
        if (!noDashboard)
        {
            DashboardSettings.ApplyPlainHttpDefaults();
        }

        Console.WriteLine($"Standing up {topology.Name}: {topology.Description}");
        var logDirectory = Path.Combine(Path.GetTempPath(), "simulator-logs", $"up-{Environment.ProcessId}");
        // Every dashboard command's outcome is printed as it happens.
        var controlRoom = new ControlRoomLog(time, e => Console.WriteLine(e));
        await using var host = await TopologyHost.StartAsync(
            new TopologyHostOptions(topology, logDirectory, Dashboard: !noDashboard, TimeSpan.FromMinutes(3), Console.WriteLine)
            {
                ControlRoom = controlRoom,
            },
            time,
            cancellationToken);

        var endpoints = await EndpointsFile.DescribeAsync(host.Topology, cancellationToken);
        if (endpointsFile is not null)
        {
            await EndpointsFile.WriteAsync(endpointsFile, endpoints, cancellationToken);
            Console.WriteLine($"Endpoints written to {endpointsFile}");
        }

        foreach (var (region, entry) in endpoints.Regions)
        {
            Console.WriteLine($"  {region}: Odoo {entry.Odoo?.Url} (db {entry.Odoo?.Database}, login {entry.Odoo?.Login})");
        }

        if (endpoints.Toxiproxy is { } toxiproxy)
        {
            Console.WriteLine($"  fault proxy (Toxiproxy API): {toxiproxy}");
        }

        Console.WriteLine($"Resource logs: {logDirectory}");
        Console.WriteLine(ControlRoomHelp(host.Topology.Spec.Name, host.Topology.FaultProxy is not null, host.Topology.Patroni is not null));
        Console.WriteLine("Running. Press Ctrl-C to tear everything down.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var fault in controlRoom.Faults)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fault {fault.Kind} {fault.Target}: {fault.StartedAtSeconds:0.0}s to {(fault.EndedAtSeconds is { } end ? $"{end:0.0}s" : "the end")}"));
        }

        Console.WriteLine("Tearing down…");
        return ExitCodes.Passed;
    }

    private static string ControlRoomHelp(string topology, bool hasLinks, bool patroni) =>
        "Control room (dashboard commands, outcomes printed here): "
        + (hasLinks ? "regions: isolate, add latency, heal; " : "")
        + $"database nodes: kill, freeze, thaw{(patroni ? ", switchover to here" : "")}; {topology}: start load, stop load, heal everything.";
}
