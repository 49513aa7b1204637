using System.Text.Json.Serialization;

namespace Simulator.Load.Reports;

/// <summary>A fault injected during the run.</summary>
/// <param name="Kind">What was done, for example <c>kill</c> or <c>partition</c>.</param>
/// <param name="Target">What it was done to, for example <c>leader</c> or <c>apac</c>.</param>
/// <param name="StartedAtSeconds">When it started, in seconds from the run's start.</param>
/// <param name="EndedAtSeconds">When it was healed, or <see langword="null"/> when it never was.</param>
public sealed record FaultReport(string Kind, string Target, double StartedAtSeconds, double? EndedAtSeconds)
{
    /// <summary>Why applying it failed (then it was tried at <see cref="StartedAtSeconds"/> but never took effect); null when it was applied.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
