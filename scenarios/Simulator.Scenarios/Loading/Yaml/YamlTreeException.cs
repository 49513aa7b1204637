namespace Simulator.Scenarios;

/// <summary>A problem with the YAML itself that the event parser does not report (a second document, an unknown alias).</summary>
internal sealed class YamlTreeException(string message, SourceLocation at) : Exception(message)
{
    public SourceLocation At { get; } = at;
}
