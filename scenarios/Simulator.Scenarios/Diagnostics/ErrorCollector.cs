namespace Simulator.Scenarios;

/// <summary>Collects errors for one file, resolving positions from a source map when none is given.</summary>
internal sealed class ErrorCollector(string file, SourceMap map)
{
    private readonly List<ScenarioError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public void Add(SourceLocation? at, string field, string message, string? hint = null)
    {
        var location = at ?? map.Find(field);
        _errors.Add(new ScenarioError(File, location?.Line ?? 0, location?.Column ?? 0, field, message, hint));
    }

    public void Add(string field, string message, string? hint = null) => Add(null, field, message, hint);
}
