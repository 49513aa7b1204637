namespace Simulator.Scenarios;

/// <summary>
/// Where each part of a loaded scenario was written, keyed by field path
/// (<c>workloads[1].rate</c>, <c>faults[0]</c>, <c>network.latency.eu-us</c>; the root is the
/// empty path). Lets later stages — the validator, the fault timeline — point errors at the file.
/// </summary>
public sealed class SourceMap
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    /// <summary>Creates a map from field paths to positions.</summary>
    /// <param name="locations">The positions, keyed by field path.</param>
    public SourceMap(IReadOnlyDictionary<string, SourceLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        _locations = locations;
    }

    /// <summary>A map that knows no positions, for scenarios built in code.</summary>
    public static SourceMap Empty { get; } = new(new Dictionary<string, SourceLocation>());

    /// <summary>The positions, keyed by field path.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;

    /// <summary>
    /// The position of <paramref name="fieldPath"/>, or of its nearest written ancestor when the
    /// field itself is absent (a missing key points at the mapping that should hold it).
    /// </summary>
    /// <param name="fieldPath">A field path such as <c>workloads[1].rate</c>.</param>
    /// <returns>The position, or <see langword="null"/> when nothing on the path was written.</returns>
    public SourceLocation? Find(string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        for (string? path = fieldPath; path is not null; path = FieldPath.Parent(path))
        {
            if (_locations.TryGetValue(path, out var location))
            {
                return location;
            }
        }

        return null;
    }
}
