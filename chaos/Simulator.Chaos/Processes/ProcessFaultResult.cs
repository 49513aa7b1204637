using System.Globalization;

namespace Simulator.Chaos;

/// <summary>What a process fault did.</summary>
/// <param name="Resource">The resource acted on.</param>
/// <param name="Action">The action: <c>kill</c>, <c>pause</c>, <c>resume</c>, <c>stop</c> or <c>start</c>.</param>
/// <param name="Pids">The processes signalled (empty for start).</param>
/// <param name="Escalated">For stop: whether SIGTERM was not enough and SIGKILL followed.</param>
public sealed record ProcessFaultResult(string Resource, string Action, IReadOnlyList<int> Pids, bool Escalated = false)
{
    /// <summary>A one-line summary, e.g. <c>pause pg-eu-1: 5 processes (812, 815, ...)</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var pids = string.Join(", ", Pids.Take(6).Select(p => p.ToString(CultureInfo.InvariantCulture))) + (Pids.Count > 6 ? ", ..." : "");
        var what = Pids.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $": {Pids.Count} process{(Pids.Count == 1 ? "" : "es")} ({pids})");
        return $"{Action} {Resource}{what}{(Escalated ? ", escalated to SIGKILL" : "")}";
    }
}
