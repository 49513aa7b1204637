using System.Globalization;

namespace Simulator.Load.Bench;

/// <summary>
/// The benchmark's settings, from <c>sim bench load</c>'s flags: <c>--out DIR</c>, <c>--duration 30s</c> (the closed
/// and wrk runs), <c>--connections 50</c>, <c>--rate 2000</c> and <c>--open-duration 30s</c> (the open-model run),
/// <c>--threads 2</c> (wrk's), <c>--rounds N</c>, <c>--warmup 3s</c>, <c>--soak [30m]</c> with <c>--soak-rate 1000</c>, and
/// <c>--check</c> (exit 1 when a target is missed).
/// </summary>
public sealed record BenchOptions
{
    /// <summary>Where <c>bench.json</c> goes; none when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>How long the closed-model and wrk runs last.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Connections (virtual users) for the closed-model and wrk runs.</summary>
    public int Connections { get; init; } = 50;

    /// <summary>wrk's threads.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>
    /// How many alternating rounds the closed-model and wrk runs are cut into (engine, wrk, engine, wrk, …), each
    /// <see cref="Duration"/> / rounds long, so that both see the machine in the same state; when null, one round per
    /// 10 s of <see cref="Duration"/> (at least one).
    /// </summary>
    public int? Rounds { get; init; }

    /// <summary>The rounds actually used.</summary>
    public int RoundCount => Rounds ?? Math.Max(1, (int)Math.Round(Duration.TotalSeconds / 10));

    /// <summary>The open-model run's arrival rate, per second.</summary>
    public double Rate { get; init; } = 2000;

    /// <summary>How long the open-model run lasts.</summary>
    public TimeSpan OpenDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A closed-model run before the measured ones, so the JIT and connection pool are warm; zero for none.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>When set, an extra open-model run of this length at <see cref="SoakRate"/>, sampling RSS every second.</summary>
    public TimeSpan? Soak { get; init; }

    /// <summary>The soak run's arrival rate, per second.</summary>
    public double SoakRate { get; init; } = 1000;

    /// <summary>Whether a missed target makes the exit code 1.</summary>
    public bool Check { get; init; }

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage: sim bench load [--out DIR] [--duration 30s] [--connections 50] [--threads 2] [--rounds N]
                              [--rate 2000] [--open-duration 30s] [--warmup 3s]
                              [--soak [30m]] [--soak-rate 1000] [--check]
          Starts a local nginx serving a static file, then measures: (a) this engine, closed model, flat out
          with C connections for D; (b) wrk -t2 -cC -dD on the same URL — (a) and (b) alternate in rounds
          (one per 10 s of D unless --rounds) so both meet the same machine; (c) this engine, open model at the
          rate for the open duration (achieved rate, start lateness). --soak adds a long open-model run at
          the soak rate and reports its maximum RSS. --out writes bench.json. --check exits 1 on a missed target.
        """;

    /// <summary>Parses the flags; returns every problem (empty when valid).</summary>
    /// <param name="args">The arguments after <c>sim bench load</c>.</param>
    /// <param name="options">The options, when valid.</param>
    /// <returns>The problems found.</returns>
    public static IReadOnlyList<string> TryParse(IReadOnlyList<string> args, out BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new List<string>();
        var o = new BenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            string? Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                errors.Add($"{flag} needs a value");
                return null;
            }

            switch (flag)
            {
                case "--out":
                    o = o with { OutputDirectory = Value() };
                    break;
                case "--duration":
                    o = o with { Duration = ParseDurationFlag(flag, Value(), errors) ?? o.Duration };
                    break;
                case "--open-duration":
                    o = o with { OpenDuration = ParseDurationFlag(flag, Value(), errors) ?? o.OpenDuration };
                    break;
                case "--warmup":
                    o = o with { Warmup = ParseDurationFlag(flag, Value(), errors, allowZero: true) ?? o.Warmup };
                    break;
                case "--connections":
                    o = o with { Connections = ParseCountFlag(flag, Value(), errors) ?? o.Connections };
                    break;
                case "--rounds":
                    o = o with { Rounds = ParseCountFlag(flag, Value(), errors) ?? o.Rounds };
                    break;
                case "--threads":
                    o = o with { Threads = ParseCountFlag(flag, Value(), errors) ?? o.Threads };
                    break;
                case "--rate":
                    o = o with { Rate = ParseRateFlag(flag, Value(), errors) ?? o.Rate };
                    break;
                case "--soak-rate":
                    o = o with { SoakRate = ParseRateFlag(flag, Value(), errors) ?? o.SoakRate };
                    break;
                case "--soak":
                    o = o with
                    {
                        Soak = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                            ? ParseDurationFlag(flag, args[++i], errors) ?? TimeSpan.FromMinutes(30)
                            : TimeSpan.FromMinutes(30),
                    };
                    break;
                case "--check":
                    o = o with { Check = true };
                    break;
                default:
                    errors.Add($"unknown option '{flag}'");
                    break;
            }
        }

        if (o.Duration.TotalSeconds / o.RoundCount < 1)
        {
            errors.Add($"--duration ({o.Duration.TotalSeconds}s) cut into {o.RoundCount} rounds leaves less than 1 s per round (wrk's least)");
        }

        if (o.Threads > o.Connections)
        {
            errors.Add($"--threads ({o.Threads}) must not exceed --connections ({o.Connections}): wrk needs a connection per thread");
        }

        options = o;
        return errors;
    }

    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> or a plain number of seconds.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The duration, or null when the text is not one.</returns>
    public static TimeSpan? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        (string number, double scale) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.Ordinal) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1),
            _ when t.EndsWith('m') => (t[..^1], 60),
            _ when t.EndsWith('h') => (t[..^1], 3600),
            _ => (t, 1),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0
            ? TimeSpan.FromSeconds(value * scale)
            : null;
    }

    private static TimeSpan? ParseDurationFlag(string flag, string? text, List<string> errors, bool allowZero = false)
    {
        if (text is null)
        {
            return null;
        }

        var duration = ParseDuration(text);
        if (duration is not { } d || (d <= TimeSpan.Zero && !allowZero))
        {
            errors.Add($"{flag}: '{text}' is not a duration such as 30s, 2m or 500ms");
            return null;
        }

        return d;
    }

    private static int? ParseCountFlag(string flag, string? text, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
        {
            errors.Add($"{flag}: '{text}' is not a whole number of at least 1");
            return null;
        }

        return value;
    }

    private static double? ParseRateFlag(string flag, string? text, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        string t = text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value <= 0)
        {
            errors.Add($"{flag}: '{text}' is not a rate such as 2000 or 2000/s");
            return null;
        }

        return value;
    }
}
