namespace Simulator.AppHost.Run;

/// <summary>A resource stopped or failed to start while the topology was starting.</summary>
/// <param name="resource">The resource's name.</param>
/// <param name="state">The state it ended in (<c>FailedToStart</c>, <c>Exited</c>, <c>Finished</c>).</param>
/// <param name="exitCode">Its exit code, when it ran and exited.</param>
internal sealed class ResourceStartException(string resource, string state, int? exitCode)
    : Exception($"{resource} {Describe(state, exitCode)}")
{
    /// <summary>The resource's name.</summary>
    public string Resource { get; } = resource;

    /// <summary>What happened to it, in words: "exited with code 1", "failed to start".</summary>
    public string What { get; } = Describe(state, exitCode);

    private static string Describe(string state, int? exitCode) =>
        state == KnownResourceStates.FailedToStart ? "failed to start"
        : exitCode is { } code ? $"exited with code {code} while the topology was starting"
        : $"stopped ({state}) while the topology was starting";
}
