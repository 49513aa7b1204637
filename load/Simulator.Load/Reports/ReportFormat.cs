using System.Globalization;

namespace Simulator.Load.Reports;

/// <summary>Number formats shared by the rendered reports; "—" for a figure that was not measured.</summary>
internal static class ReportFormat
{
    public const string NotMeasured = "—";

    public static string Number(double? value)
        => value is { } v ? v.ToString(Math.Abs(v) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture) : NotMeasured;

    public static string Ms(double? milliseconds) => milliseconds switch
    {
        null => NotMeasured,
        >= 1000 => (milliseconds.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 100 => milliseconds.Value.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => milliseconds.Value.ToString("0.#", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Seconds(double? seconds)
        => seconds is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) + " s" : NotMeasured;

    public static string Percent(double? fraction)
        => fraction is { } f ? (f * 100).ToString(f >= 0.1 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + "%" : NotMeasured;

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.##", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    /// <summary>Failed and unknown as a share of what ran; null when nothing ran.</summary>
    public static double? ErrorRate(long ok, long failed, long unknown)
        => ok + failed + unknown is > 0 and long attempts ? (double)(failed + unknown) / attempts : null;

    /// <summary>Seconds as <c>45s</c>, <c>2m</c>, <c>1m30s</c>.</summary>
    public static string Clock(double seconds)
    {
        long s = (long)Math.Round(seconds);
        return s < 60 ? $"{s}s" : s % 60 == 0 ? $"{s / 60}m" : $"{s / 60}m{s % 60}s";
    }

    /// <summary>The fault's label, for example <c>kill leader</c>.</summary>
    public static string Fault(FaultReport fault) => $"{fault.Kind} {fault.Target}";

    /// <summary>Whether a fault was active at any time within the second starting at <paramref name="second"/>.</summary>
    public static bool ActiveIn(FaultReport fault, int second)
        => fault.StartedAtSeconds < second + 1 && (fault.EndedAtSeconds is not { } end || end > second);
}
