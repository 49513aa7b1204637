namespace Simulator.Scenarios;

/// <summary>One key/value pair of a mapping, keeping both positions.</summary>
internal sealed record YEntry(YNode Key, YNode Value);
