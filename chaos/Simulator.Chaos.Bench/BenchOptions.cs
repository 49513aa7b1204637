using System.Globalization;

namespace Simulator.Chaos.Bench;

/// <summary>The benchmark's flags.</summary>
internal sealed record BenchOptions
{
    public string? OutDirectory { get; init; }

    /// <summary>Short runs, for a smoke test: figures are not meant to be quoted.</summary>
    public bool Quick { get; init; }

    public bool SkipPgBench { get; init; }

    /// <summary>Leave socket continuations on the thread pool (the runtime's default) instead of running them inline.</summary>
    public bool ThreadPoolCompletions { get; init; }

    public int LatencySamples { get; init; } = 2000;

    public int Connections { get; init; } = 8;

    public TimeSpan PgBenchDuration { get; init; } = TimeSpan.FromSeconds(10);

    public int PgBenchRounds { get; init; } = 2;

    public int PgBenchScale { get; init; } = 10;

    public long BulkBytes { get; init; } = 512L * 1024 * 1024;

    public int BulkRounds { get; init; } = 3;

    public const string Usage = """
        usage: sim bench proxy [--out DIR] [--quick] [--no-pgbench] [--samples N] [--thread-pool-completions]
          Measures the fault proxy: throughput through it against direct (a bulk TCP copy and, where PostgreSQL is
          installed, pgbench), also through the proxy with zero copy off and through HAProxy in the same
          interleaved rounds, and the latency a 50 ms latency toxic adds to a request/response echo (median, p99).
          --out DIR     also write DIR/bench.json
          --quick       short runs (a smoke test; figures not meant to be quoted)
          --no-pgbench  skip the PostgreSQL part
          --samples N   echo round trips per measurement (default 2000)
          --thread-pool-completions
                        measure with socket continuations on the thread pool (the runtime's default) rather than
                        inline, as `sim toxiproxy-server` runs them
        exit codes: 0 every target met, 1 a target missed, 2 invalid arguments, 3 the benchmark could not run
        """;

    /// <summary>Parses the flags; null options and a null error mean help was asked for.</summary>
    public static bool TryParse(string[] args, out BenchOptions? options, out string? error)
    {
        options = new BenchOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            switch (arg)
            {
                case "-h" or "--help" or "help":
                    options = null;
                    return false;
                case "--out":
                    var dir = inline ?? (i + 1 < args.Length ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(dir))
                    {
                        error = "--out needs a directory";
                        return false;
                    }

                    options = options with { OutDirectory = dir };
                    break;
                case "--quick":
                    options = options with
                    {
                        Quick = true,
                        LatencySamples = 160,
                        PgBenchDuration = TimeSpan.FromSeconds(2),
                        PgBenchRounds = 1,
                        PgBenchScale = 1,
                        BulkBytes = 32L * 1024 * 1024,
                        BulkRounds = 1,
                    };
                    break;
                case "--no-pgbench":
                    options = options with { SkipPgBench = true };
                    break;
                case "--thread-pool-completions":
                    options = options with { ThreadPoolCompletions = true };
                    break;
                case "--samples":
                    var text = inline ?? (i + 1 < args.Length ? args[++i] : null);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var samples) || samples < options.Connections)
                    {
                        error = $"--samples needs a whole number of at least {options.Connections}";
                        return false;
                    }

                    options = options with { LatencySamples = samples };
                    break;
                default:
                    error = $"unknown argument `{args[i]}`";
                    return false;
            }
        }

        return true;
    }
}
