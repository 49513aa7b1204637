namespace Simulator.AppHost.Cli;

/// <summary>A mistake in the command line; <c>sim</c> prints it with the usage and exits 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
