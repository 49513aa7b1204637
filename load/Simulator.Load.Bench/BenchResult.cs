namespace Simulator.Load.Bench;

/// <summary>What <c>sim bench load</c> measured; written as <c>bench.json</c> (camelCase). Rates are per second, sizes MiB.</summary>
/// <param name="EngineClosedRps">This engine, closed model, flat out: OK requests per second.</param>
/// <param name="WrkRps">wrk on the same URL with the same connections: requests per second.</param>
/// <param name="ClosedToWrkRatio"><paramref name="EngineClosedRps"/> / <paramref name="WrkRps"/>.</param>
/// <param name="OpenTargetRate">The open-model run's target rate.</param>
/// <param name="OpenAchievedRate">Its achieved rate (the target times the share of arrivals started on time).</param>
/// <param name="OpenStartLatenessP99Ms">The 99th percentile of its start lateness (actual − intended start), in ms.</param>
/// <param name="EngineRssMb">The largest resident set size of the process during the engine runs, in MiB.</param>
public sealed record BenchResult(
    double EngineClosedRps,
    double WrkRps,
    double ClosedToWrkRatio,
    double OpenTargetRate,
    double OpenAchievedRate,
    double? OpenStartLatenessP99Ms,
    double EngineRssMb)
{
    /// <summary>Connections of the closed-model and wrk runs.</summary>
    public int Connections { get; init; }

    /// <summary>Length of the closed-model and wrk runs, in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Errors (failed + unknown) in the closed-model run.</summary>
    public long EngineClosedErrors { get; init; }

    /// <summary>Corrected p99 latency of the closed-model run, in ms (the highest of its rounds).</summary>
    public double? EngineClosedP99Ms { get; init; }

    /// <summary>The process's CPU time (all threads) per OK request during the closed-model rounds, in µs.</summary>
    public double EngineCpuMicrosecondsPerRequest { get; init; }

    /// <summary>The engine's own CPU cost per iteration, measured with a no-op workload (closed model, same users, 3 s), in µs.</summary>
    public double EngineOverheadMicrosecondsPerIteration { get; init; }

    /// <summary>How many alternating engine/wrk rounds the closed comparison took.</summary>
    public int Rounds { get; init; }

    /// <summary>wrk's threads.</summary>
    public int WrkThreads { get; init; }

    /// <summary>Length of the open-model run, in seconds.</summary>
    public double OpenDurationSeconds { get; init; }

    /// <summary>Arrivals the open-model run dropped.</summary>
    public long OpenDropped { get; init; }

    /// <summary>Errors (failed + unknown) in the open-model run.</summary>
    public long OpenErrors { get; init; }

    /// <summary>Median start lateness of the open-model run, in ms.</summary>
    public double? OpenStartLatenessP50Ms { get; init; }

    /// <summary>Largest start lateness of the open-model run, in ms.</summary>
    public double? OpenStartLatenessMaxMs { get; init; }

    /// <summary>Corrected p99 latency of the open-model run, in ms.</summary>
    public double? OpenP99Ms { get; init; }

    /// <summary>Garbage collections (all generations) during the open-model run.</summary>
    public int OpenGcCollections { get; init; }

    /// <summary>Time the garbage collector paused the process during the open-model run, in ms.</summary>
    public double OpenGcPauseMs { get; init; }

    /// <summary>The soak run, when one was asked for.</summary>
    public SoakResult? Soak { get; init; }

    /// <summary>Logical processors.</summary>
    public int Cores { get; init; }

    /// <summary>The .NET runtime.</summary>
    public string? Dotnet { get; init; }

    /// <summary>The operating system.</summary>
    public string? Os { get; init; }

    /// <summary>Each target and whether it was met.</summary>
    public IReadOnlyList<BenchTarget> Targets { get; init; } = [];
}

/// <summary>A long open-model run, measuring memory.</summary>
/// <param name="DurationSeconds">Its length.</param>
/// <param name="TargetRate">Its target rate.</param>
/// <param name="AchievedRate">Its achieved rate.</param>
/// <param name="MaxRssMb">The largest RSS seen during it (sampled every second), in MiB.</param>
/// <param name="StartRssMb">RSS when it started.</param>
/// <param name="EndRssMb">RSS when it ended.</param>
/// <param name="StartLatenessP99Ms">Its start lateness p99, in ms.</param>
public sealed record SoakResult(
    double DurationSeconds, double TargetRate, double AchievedRate, double MaxRssMb, double StartRssMb, double EndRssMb, double? StartLatenessP99Ms);

/// <summary>One benchmark target.</summary>
/// <param name="Name">What is measured.</param>
/// <param name="Target">The target, as text.</param>
/// <param name="Actual">The figure measured; null when it was not.</param>
/// <param name="Met">Whether it was met.</param>
public sealed record BenchTarget(string Name, string Target, double? Actual, bool Met);
