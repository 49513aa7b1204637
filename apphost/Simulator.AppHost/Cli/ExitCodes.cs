namespace Simulator.AppHost.Cli;

/// <summary>The exit codes of <c>sim</c>, as DESIGN.md's contract states them.</summary>
public static class ExitCodes
{
    /// <summary>Every threshold passed.</summary>
    public const int Passed = 0;

    /// <summary>A threshold failed.</summary>
    public const int ThresholdFailed = 1;

    /// <summary>The input (arguments, scenario file) is invalid.</summary>
    public const int InvalidInput = 2;

    /// <summary>The environment could not be set up (missing dependency, port, permission).</summary>
    public const int EnvironmentFailed = 3;

    /// <summary>Interrupted by Ctrl-C, after tearing down and writing what was measured (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
