using System.Globalization;

namespace Simulator.Scenarios;

/// <summary>Builds and walks field paths such as <c>workloads[1].stages[0].to</c>.</summary>
internal static class FieldPath
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    /// <summary>The parent of a path, or <see langword="null"/> for the root (the empty path).</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (path.EndsWith(']'))
        {
            var open = path.LastIndexOf('[');
            if (open >= 0)
            {
                return path[..open];
            }
        }

        var dot = path.LastIndexOf('.');
        return dot < 0 ? string.Empty : path[..dot];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or lies under it.</summary>
    public static bool IsWithin(string path, string ancestor) =>
        ancestor.Length == 0 ||
        path == ancestor ||
        (path.StartsWith(ancestor, StringComparison.Ordinal) && path.Length > ancestor.Length && path[ancestor.Length] is '.' or '[');
}
