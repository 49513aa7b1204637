namespace Simulator.Scenarios;

/// <summary>
/// How <c>sim compare --topologies</c> and a suite run's <c>topologies:</c> tell a topology file from a topology name:
/// a file ends in <c>.yaml</c> or <c>.yml</c>, or holds a path separator (<c>./my-variant</c>); anything else is a
/// name — of the scenario's inline topology or of a catalogue one. Topology names cannot hold either (letters, digits,
/// <c>-</c> and <c>_</c> only), so no name is mistaken for a file.
/// </summary>
public static class TopologyReference
{
    /// <summary>Whether <paramref name="reference"/> is a path to a topology file rather than a name.</summary>
    /// <param name="reference">One item of the list, as written.</param>
    /// <returns>True for a file path.</returns>
    public static bool IsFile(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || reference.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || reference.Contains('/', StringComparison.Ordinal)
            || reference.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
