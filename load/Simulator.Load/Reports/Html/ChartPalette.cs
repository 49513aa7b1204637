namespace Simulator.Load.Reports.Html;

/// <summary>The line colours of charts with one series per topology or per workload, in order; the last is the neutral one.</summary>
internal static class ChartPalette
{
    private static readonly string[] Colors = ["#0969da", "#bc4c00", "#1a7f37", "#8250df", "#cf222e", "#6e7781"];

    /// <summary>The colour of the <paramref name="index"/>-th series (colours repeat after the last).</summary>
    public static string Of(int index) => Colors[index % Colors.Length];

    /// <summary>The neutral colour, for reference lines such as an ideal.</summary>
    public static string Neutral => Colors[^1];
}
