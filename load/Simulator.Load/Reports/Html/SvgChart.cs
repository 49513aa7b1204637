using System.Globalization;
using System.Net;
using System.Text;

namespace Simulator.Load.Reports.Html;

/// <summary>
/// A line chart, rendered as inline SVG (no script, no external reference): nice axes, a legend, one polyline per
/// series (broken where a value is missing). Over the run's seconds by default, with fault windows shaded and
/// labelled; or over any other quantity (<see cref="ChartAxis"/>), such as the target rate of a sweep.
/// </summary>
internal sealed class SvgChart(string title, string unit, double xMaximum, IReadOnlyList<FaultReport> faults, ChartAxis? xAxis = null)
{
    private const int Width = 920;
    private const int Height = 230;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 34;
    private const int Bottom = 44;

    private static readonly double[] SecondSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

    private readonly List<Series> _series = [];
    private readonly ChartAxis _x = xAxis ?? ChartAxis.Time;

    public SvgChart Add(string name, string color, IEnumerable<(double X, double? Y)> points, bool dashed = false)
    {
        _series.Add(new Series(name, color, [.. points], dashed));
        return this;
    }

    public string Render()
    {
        double xMax = Math.Max(1, xMaximum);
        // 10% headroom, so a flat series does not run along the plot's top edge.
        double dataMax = _series.SelectMany(s => s.Points).Select(p => p.Y ?? 0).DefaultIfEmpty(0).Max() * 1.1;
        double yStep = NiceStep(Math.Max(dataMax, 1e-9) / 4);
        double yMax = Math.Max(yStep, Math.Ceiling(dataMax / yStep) * yStep);
        if (dataMax <= 0)
        {
            yStep = 1;
            yMax = 4;
        }

        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - Bottom;
        double X(double x) => Left + (Math.Clamp(x, 0, xMax) / xMax * plotWidth);
        double Y(double y) => Top + plotHeight - (Math.Clamp(y, 0, yMax) / yMax * plotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{Left}\" y=\"16\">{Encode(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"plot\" x=\"{Left}\" y=\"{Top}\" width=\"{F(plotWidth)}\" height=\"{F(plotHeight)}\"/>");

        foreach (var fault in faults)
        {
            double from = X(fault.StartedAtSeconds);
            double to = X(fault.EndedAtSeconds ?? xMax);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"fault\" x=\"{F(from)}\" y=\"{Top}\" width=\"{F(Math.Max(2, to - from))}\" height=\"{F(plotHeight)}\"><title>{Encode(ReportFormat.Fault(fault))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"fault-label\" x=\"{F(from + 3)}\" y=\"{Top + 11}\">{Encode(ReportFormat.Fault(fault))}</text>");
        }

        for (double y = 0; y <= yMax + (yStep / 1000); y += yStep)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(y))}\" y2=\"{F(Y(y))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{F(Y(y) + 4)}\" text-anchor=\"end\">{Encode(Tick(y, yStep))}</text>");
        }

        double xStep = _x.IsTime ? SecondSteps.FirstOrDefault(s => xMax / s <= 10, SecondSteps[^1]) : NiceStep(xMax / 8);
        for (double x = 0; x <= xMax + 1e-9; x += xStep)
        {
            string label = _x.IsTime ? ReportFormat.Clock(x) : Tick(x, xStep) + _x.TickSuffix;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(X(x))}\" x2=\"{F(X(x))}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight + 4}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{F(X(x))}\" y=\"{F(Top + plotHeight + 16)}\" text-anchor=\"middle\">{Encode(label)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Left - 6}\" y=\"{Top - 8}\" text-anchor=\"end\">{Encode(unit)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{Width - Right}\" y=\"{Height - 4}\" text-anchor=\"end\">{Encode(_x.Label)}</text>");

        foreach (var series in _series)
        {
            string style = series.Dashed ? " stroke-dasharray=\"5 4\"" : string.Empty;
            foreach (var run in Runs(series.Points))
            {
                if (run.Count == 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(run[0].X))}\" cy=\"{F(Y(run[0].Y))}\" r=\"2.5\" fill=\"{series.Color}\"/>");
                    continue;
                }

                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line\" stroke=\"{series.Color}\"{style} points=\"");
                svg.AppendJoin(' ', run.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"));
                svg.Append("\"/>");
            }
        }

        // The legend runs along the bottom-left, under the time axis.
        double legendX = Left;
        foreach (var series in _series)
        {
            string dash = series.Dashed ? " stroke-dasharray=\"4 3\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(legendX)}\" x2=\"{F(legendX + 16)}\" y1=\"{Height - 8}\" y2=\"{Height - 8}\" stroke=\"{series.Color}\" stroke-width=\"3\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"legend\" x=\"{F(legendX + 20)}\" y=\"{Height - 4}\">{Encode(series.Name)}</text>");
            legendX += 34 + (series.Name.Length * 6.4);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<List<(double X, double Y)>> Runs(IReadOnlyList<(double X, double? Y)> points)
    {
        var run = new List<(double X, double Y)>();
        foreach (var (x, y) in points)
        {
            if (y is { } value && double.IsFinite(value))
            {
                run.Add((x, value));
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static double NiceStep(double raw)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static string Tick(double value, double step)
        => value.ToString(step >= 1 ? "0" : step >= 0.1 ? "0.#" : "0.###", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private sealed record Series(string Name, string Color, IReadOnlyList<(double X, double? Y)> Points, bool Dashed);
}
