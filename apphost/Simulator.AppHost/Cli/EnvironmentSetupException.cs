namespace Simulator.AppHost.Cli;

/// <summary>
/// The environment could not be set up (a resource did not start, a port or permission problem);
/// the message says what failed and how to fix it. <c>sim</c> exits 3.
/// </summary>
public sealed class EnvironmentSetupException(string message, Exception? inner = null) : Exception(message, inner);
