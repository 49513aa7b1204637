using Simulator.AppHost.Bench;
using Simulator.Chaos.Bench;
using Simulator.Load.Bench;

namespace Simulator.AppHost.Cli;

/// <summary><c>sim bench load|proxy|failover [options]</c>: the benchmarks quoted in docs/performance.md.</summary>
public static class BenchCommand
{
    /// <summary>Runs the named benchmark with the remaining arguments; returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args.Skip(1).ToArray();
        return (args.Length > 0 ? args[0] : null) switch
        {
            "load" => LoadBenchmark.RunAsync(rest, Console.Out, cancellationToken),
            "proxy" => ProxyBenchmark.RunAsync(rest, Console.Out, cancellationToken),
            "failover" => FailoverBenchmark.RunAsync(CliArguments.Parse(rest), TimeProvider.System, Console.Out, cancellationToken),
            _ => throw new CliUsageException("bench takes 'load', 'proxy' or 'failover'"),
        };
    }
}
