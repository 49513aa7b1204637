namespace Simulator.AppHost.Runtime;

/// <summary>What probing for a container engine found.</summary>
/// <param name="Engine">The CLI that answered (<c>docker</c> or <c>podman</c>), or null when none did.</param>
/// <param name="Version">The engine's server version, when one answered.</param>
/// <param name="Findings">One line per CLI tried, saying what it answered or why it did not.</param>
public sealed record ContainerEngineStatus(string? Engine, string? Version, IReadOnlyList<string> Findings)
{
    /// <summary>True when an engine answered.</summary>
    public bool Healthy => Engine is not null;

    /// <summary>The findings as one sentence.</summary>
    public string Summary => string.Join("; ", Findings);
}
