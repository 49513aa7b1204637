namespace Simulator.AppHost.Runtime;

/// <summary>The runtime chosen for a run and why, as printed before anything starts.</summary>
/// <param name="Runtime">The runtime.</param>
/// <param name="Reason">Why: asked for explicitly, or what the engine probe found.</param>
/// <param name="Engine">The engine CLI to use in containers mode (<c>docker</c> or <c>podman</c>).</param>
public sealed record RuntimeChoice(SimRuntime Runtime, string Reason, string? Engine = null)
{
    /// <summary>The runtime's name as reports and the endpoints file spell it.</summary>
    public string Name => Runtime == SimRuntime.Native ? "native" : "containers";

    /// <summary>One line for the console.</summary>
    public override string ToString() => $"Runtime: {Name} ({Reason})";
}
