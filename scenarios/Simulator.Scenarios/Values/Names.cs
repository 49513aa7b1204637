namespace Simulator.Scenarios;

/// <summary>
/// The spelling allowed for names that other values refer to (workloads, regions, resources):
/// letters, digits, <c>-</c> and <c>_</c>, starting with a letter or digit. Dots and <c>@</c>
/// are kept free because threshold metrics use them (<c>order-import@eu.p99</c>).
/// </summary>
internal static class Names
{
    /// <summary>True when <paramref name="name"/> is a valid name.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) &&
        char.IsAsciiLetterOrDigit(name[0]) &&
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The hint shown when a name is spelled with other characters.</summary>
    public const string Rule = "use letters, digits, - and _ only";
}
