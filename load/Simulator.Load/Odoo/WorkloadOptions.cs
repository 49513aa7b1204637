namespace Simulator.Load.Odoo;

/// <summary>The one check every Odoo workload makes of its settings when it is created.</summary>
internal static class WorkloadOptions
{
    /// <summary>Returns <paramref name="options"/> when <paramref name="problems"/> is empty.</summary>
    /// <exception cref="ArgumentException">Every problem, joined, naming the <c>options</c> parameter.</exception>
    public static T Checked<T>(T options, IReadOnlyList<string> problems) =>
        problems.Count == 0 ? options : throw new ArgumentException(string.Join("; ", problems), nameof(options));
}
