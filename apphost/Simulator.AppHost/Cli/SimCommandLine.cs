using Simulator.AppHost.Telemetry;

namespace Simulator.AppHost.Cli;

/// <summary>The <c>sim</c> entry point: dispatches verbs and maps failures onto the exit-code contract.</summary>
public static class SimCommandLine
{
    /// <summary>Usage text printed by <c>sim help</c> and on a usage mistake.</summary>
    public const string Usage = """
        usage: sim <verb> [arguments]

          up [topology] [--runtime auto|native|containers] [--endpoints FILE] [--no-dashboard]
                                   stand a topology up (default single-region-ha) until Ctrl-C
          run <scenario.yaml> [--out DIR] [--runtime auto|native|containers] [--duration D] [--endpoints FILE]
                                   stand up, load, tear down, write reports
          compare <scenario.yaml> --topologies a,b[,c] [--out DIR] [--duration D]
                                   the same scenario on each topology, one side-by-side report
          sweep <scenario.yaml> --from R --to R [--step R | --factor F] [--step-duration D] [--out DIR]
                                   rising total rates until a threshold fails; reports the knee
          suite <suite.yaml> [--out DIR] [--fresh]
                                   the runs a suite file lists (e.g. scenarios/suites/nightly.yaml), one summary;
                                   runs on the same topology share a stand-up unless --fresh
          validate <scenario.yaml> list every error in a scenario file
          test                     run the whole test suite
          bench load|proxy [--out DIR] ...
          bench failover <scenario.yaml> [--runs N] [--duration D] [--out DIR]
                                   the benchmarks quoted in docs/performance.md
          toxiproxy-server [--host 127.0.0.1] [--port 8474] [--config FILE]
                                   run the Toxiproxy-compatible fault proxy on its own
          help                     this text

        --runtime auto (the default) probes for a Docker or Podman engine and says what it chose and why.

        exit codes: 0 thresholds passed, 1 a threshold failed, 2 invalid input,
                    3 the environment could not be set up
        """;

    /// <summary>Runs <c>sim</c> with <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var cancellation = new ConsoleCancellation();
        var time = TimeProvider.System;
        try
        {
            var verb = args.Length > 0 ? args[0] : "help";
            var rest = args.Skip(1).ToArray();
            return verb switch
            {
                "up" => await UpCommand.RunAsync(CliArguments.Parse(rest, "no-dashboard"), time, cancellation.Token),
                "run" => await RunCommand.RunAsync(CliArguments.Parse(rest), time, cancellation.Token),
                "compare" => await CompareCommand.RunAsync(CliArguments.Parse(rest), time, cancellation.Token),
                "sweep" => await SweepCommand.RunAsync(CliArguments.Parse(rest), time, cancellation.Token),
                "suite" => await SuiteCommand.RunAsync(CliArguments.Parse(rest, "fresh"), time, cancellation.Token),
                "validate" => ValidateCommand.Run(CliArguments.Parse(rest)),
                "bench" => await BenchCommand.RunAsync(rest, cancellation.Token),
                "toxiproxy-server" => await FaultProxyProcess.RunAsync(rest, cancellation.Token),
                "help" or "--help" or "-h" => PrintUsage(),
                _ => throw new CliUsageException($"unknown verb '{verb}'"),
            };
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync($"sim: {ex.Message}{Environment.NewLine}{Environment.NewLine}{Usage}");
            return ExitCodes.InvalidInput;
        }
        catch (EnvironmentSetupException ex)
        {
            await Console.Error.WriteLineAsync($"sim: {ex.Message}");
            return ExitCodes.EnvironmentFailed;
        }
        catch (OperationCanceledException) when (cancellation.Token.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }

    private static int PrintUsage()
    {
        Console.WriteLine(Usage);
        return ExitCodes.Passed;
    }
}
