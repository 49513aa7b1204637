namespace Simulator.AppHost.Run;

/// <summary>
/// A valid scenario asks for something this build cannot run yet (a workload kind, model or fault).
/// Refused up front rather than silently ignored; <c>sim</c> exits 2.
/// </summary>
public sealed class UnsupportedScenarioException(string message) : Exception(message);
