using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>
/// Reads <c>&lt;metric&gt; &lt;op&gt; &lt;value&gt; [over any &lt;duration&gt; window]</c>, reporting the
/// offset of the part that is wrong so the loader can point at its column.
/// </summary>
internal static class ThresholdParser
{
    private const string Shape = "a threshold reads `<metric> <op> <value>`, optionally followed by `over any 30s window`, e.g. `order-import.p99 < 1500ms`";
    private const string WindowShape = "a window reads `over any 30s window`";

    public static bool TryParse(string? expression, [NotNullWhen(true)] out Threshold? threshold, [NotNullWhen(false)] out ValueParseError? error)
    {
        threshold = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            return Fail(out error, "the threshold is empty", Shape, 0);
        }

        var s = expression;
        var i = SkipSpace(s, 0);
        var metricStart = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && !IsOperatorChar(s[i]))
        {
            i++;
        }

        var metricText = s[metricStart..i];
        if (metricText.Length == 0)
        {
            return Fail(out error, "a threshold starts with a metric", Shape, metricStart);
        }

        i = SkipSpace(s, i);
        var opStart = i;
        while (i < s.Length && IsOperatorChar(s[i]))
        {
            i++;
        }

        var opText = s[opStart..i];
        if (opText.Length == 0)
        {
            return opStart >= s.Length
                ? Fail(out error, $"`{metricText}` is not compared with anything", "add a comparison and a value, e.g. `< 1500ms`", opStart)
                : Fail(out error, $"expected a comparison after `{metricText}`, found `{NextWord(s, opStart)}`", "use <, <=, >, >=, == or !=", opStart);
        }

        if (!ThresholdOperators.TryParse(opText, out var op))
        {
            return Fail(out error, $"`{opText}` is not a comparison", OperatorHint(opText), opStart);
        }

        i = SkipSpace(s, i);
        var valueStart = i;
        while (i < s.Length && !char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        var valueText = s[valueStart..i];
        if (valueText.Length == 0)
        {
            return Fail(out error, $"`{metricText} {opText}` needs a value after it", Shape, valueStart);
        }

        if (!TryReadWindow(s, i, out var window, out var windowOffset, out error))
        {
            return false;
        }

        if (!TryResolveMetric(metricText, metricStart, out var metric, out var workload, out var region, out error))
        {
            return false;
        }

        if (!TryReadValue(valueText, valueStart, out var value, out error))
        {
            return false;
        }

        if (!metric.Accepts.Contains(value.Kind))
        {
            return Fail(out error, UnitMismatch(metricText, metric, value), UnitHint(metric, value), valueStart);
        }

        if (window is not null && !metric.AllowsWindow)
        {
            return Fail(out error, $"`{metricText}` is measured once per run, so it takes no window", "remove `over any ... window`", windowOffset);
        }

        threshold = new Threshold
        {
            Expression = s.Trim(),
            Metric = metricText,
            Workload = workload,
            Region = region,
            Statistic = metric.Name,
            Operator = op,
            Value = value,
            Window = window,
        };
        error = null;
        return true;
    }

    private static bool TryReadWindow(string s, int start, out TimeSpan? window, out int windowOffset, [NotNullWhen(false)] out ValueParseError? error)
    {
        window = null;
        windowOffset = start;
        error = null;
        var words = Words(s, start);
        if (words.Count == 0)
        {
            return true;
        }

        windowOffset = words[0].Offset;
        if (words[0].Text != "over")
        {
            return Fail(out error, $"unexpected `{words[0].Text}` after the value", Shape, words[0].Offset);
        }

        if (words.Count < 2 || words[1].Text != "any")
        {
            return Fail(out error, "expected `any` after `over`", WindowShape, words.Count < 2 ? s.Length : words[1].Offset);
        }

        if (words.Count < 3)
        {
            return Fail(out error, "the window has no length", WindowShape, s.Length);
        }

        if (!DurationParser.TryParse(words[2].Text, out var length, out var durationError))
        {
            return Fail(out error, "the window length: " + durationError.Message, durationError.Hint, words[2].Offset + durationError.Offset);
        }

        if (length <= TimeSpan.Zero)
        {
            return Fail(out error, "the window must be longer than zero", WindowShape, words[2].Offset);
        }

        if (words.Count < 4 || words[3].Text != "window")
        {
            return Fail(out error, "expected `window` after the window length", WindowShape, words.Count < 4 ? s.Length : words[3].Offset);
        }

        if (words.Count > 4)
        {
            return Fail(out error, $"unexpected `{words[4].Text}` after the window", WindowShape, words[4].Offset);
        }

        window = length;
        return true;
    }

    private static bool TryResolveMetric(
        string text,
        int offset,
        [NotNullWhen(true)] out ThresholdMetric? metric,
        out string? workload,
        out string? region,
        [NotNullWhen(false)] out ValueParseError? error)
    {
        workload = null;
        region = null;
        metric = ThresholdMetrics.FindGlobal(text);
        if (metric is not null)
        {
            error = null;
            return true;
        }

        var globalNames = ThresholdMetrics.Global.Select(m => m.Name).ToList();
        var dot = text.LastIndexOf('.');
        if (dot < 0)
        {
            var hint = ThresholdMetrics.FindPerWorkload(text) is not null
                ? $"name the workload first, e.g. `order-import.{text}`"
                : Suggestions.DidYouMean(text, globalNames)
                  ?? $"global metrics are {Suggestions.OneOf(globalNames)}; workload metrics read `<workload>.<statistic>`, e.g. `order-import.p99`";
            return Fail(out error, $"`{text}` is not a metric", hint, offset);
        }

        var prefix = text[..dot];
        var statistic = text[(dot + 1)..];
        if (prefix == "failover")
        {
            var failoverNames = globalNames.Where(n => n.StartsWith("failover.", StringComparison.Ordinal));
            return Fail(out error, $"`{text}` is not a failover metric", Suggestions.DidYouMean(text, failoverNames) ?? "use " + Suggestions.OneOf(failoverNames), offset);
        }

        metric = ThresholdMetrics.FindPerWorkload(statistic);
        if (metric is null)
        {
            var statisticNames = ThresholdMetrics.PerWorkload.Select(m => m.Name);
            return Fail(
                out error,
                $"`{statistic}` is not a workload statistic",
                Suggestions.DidYouMean(statistic, statisticNames) ?? "use " + Suggestions.OneOf(statisticNames),
                offset + dot + 1);
        }

        var at = prefix.IndexOf('@', StringComparison.Ordinal);
        workload = at < 0 ? prefix : prefix[..at];
        region = at < 0 ? null : prefix[(at + 1)..];
        if (!Names.IsValid(workload))
        {
            return Fail(out error, $"`{workload}` is not a workload name", Names.Rule + "; a workload metric reads `<workload>.<statistic>` or `<workload>@<region>.<statistic>`", offset);
        }

        if (region is not null && !Names.IsValid(region))
        {
            return Fail(out error, $"`{region}` is not a region name", Names.Rule, offset + at + 1);
        }

        error = null;
        return true;
    }

    private static bool TryReadValue(string text, int offset, out ThresholdValue value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = default;
        if (text.EndsWith('%'))
        {
            if (!NumberScanner.IsNumber(text[..^1], out var percent))
            {
                return Fail(out error, $"`{text}` is not a percentage", "write e.g. 1% or 99.5%", offset);
            }

            value = new ThresholdValue(ThresholdValueKind.Percentage, (double)percent / 100, text);
        }
        else if (text.Contains('/', StringComparison.Ordinal))
        {
            if (!Rate.TryParse(text, out var rate, out var rateError))
            {
                return Fail(out error, rateError.Message, rateError.Hint, offset + rateError.Offset);
            }

            value = new ThresholdValue(ThresholdValueKind.Rate, rate.PerSecond, text);
        }
        else if (char.IsAsciiLetter(text[^1]))
        {
            if (!DurationParser.TryParse(text, out var duration, out var durationError))
            {
                return Fail(out error, durationError.Message, durationError.Hint, offset + durationError.Offset);
            }

            value = new ThresholdValue(ThresholdValueKind.Duration, duration.TotalSeconds, text);
        }
        else if (NumberScanner.IsNumber(text, out var number))
        {
            value = new ThresholdValue(ThresholdValueKind.Number, (double)number, text);
        }
        else
        {
            return Fail(out error, $"`{text}` is not a value", "write a number (0), a duration (1500ms), a percentage (1%) or a rate (20/s)", offset);
        }

        error = null;
        return true;
    }

    private static string UnitMismatch(string metricText, ThresholdMetric metric, ThresholdValue value)
    {
        var expected = Describe(metric.Accepts);
        return value.Kind == ThresholdValueKind.Number
            ? $"`{metricText}` is {expected}: `{value.Text}` needs a unit"
            : $"`{metricText}` is {expected}, not {Describe([value.Kind])}";
    }

    private static string UnitHint(ThresholdMetric metric, ThresholdValue value)
    {
        if (value.Kind != ThresholdValueKind.Number)
        {
            return $"write e.g. `{metric.Example}`";
        }

        var units = metric.Accepts.Select(kind => kind switch
        {
            ThresholdValueKind.Duration => $"{value.Text}ms",
            ThresholdValueKind.Percentage => $"{value.Text}%",
            ThresholdValueKind.Rate => $"{value.Text}/s",
            _ => value.Text,
        });
        return "write a unit: " + string.Join(" or ", units);
    }

    private static string Describe(IReadOnlyList<ThresholdValueKind> kinds) => string.Join(" or ", kinds.Select(kind => kind switch
    {
        ThresholdValueKind.Duration => "a duration",
        ThresholdValueKind.Percentage => "a percentage",
        ThresholdValueKind.Rate => "a rate",
        _ => "a count (a plain number)",
    }));

    private static string OperatorHint(string op) => op switch
    {
        "=" => "write == to compare for equality",
        "=<" => "write <=",
        "=>" => "write >=",
        "<>" or "=!" => "write !=",
        "===" => "write ==",
        _ => "use <, <=, >, >=, == or !=",
    };

    private static bool IsOperatorChar(char c) => c is '<' or '>' or '=' or '!';

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static string NextWord(string s, int start)
    {
        var end = start;
        while (end < s.Length && !char.IsWhiteSpace(s[end]))
        {
            end++;
        }

        return s[start..end];
    }

    private static List<(string Text, int Offset)> Words(string s, int start)
    {
        var words = new List<(string Text, int Offset)>();
        var i = SkipSpace(s, start);
        while (i < s.Length)
        {
            var word = NextWord(s, i);
            words.Add((word, i));
            i = SkipSpace(s, i + word.Length);
        }

        return words;
    }

    private static bool Fail(out ValueParseError error, string message, string? hint, int offset)
    {
        error = new ValueParseError(message, hint, offset);
        return false;
    }
}
