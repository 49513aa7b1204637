using System.ComponentModel;
using System.Diagnostics;

namespace Simulator.AppHost.Runtime;

/// <summary>What one run of a container engine's CLI gave: its exit code and output, or why it gave none.</summary>
/// <param name="ExitCode">The exit code; null when the CLI could not start or did not finish in time.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error, or why the CLI could not be run.</param>
/// <param name="TimedOut">True when it was killed at the timeout.</param>
public sealed record EngineCliRun(int? ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>True when the CLI ran and exited 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line of standard error, else of standard output, else null.</summary>
    public string? Reason => FirstLine(Error) ?? FirstLine(Output);

    /// <summary>Runs <paramref name="cli"/> with <paramref name="arguments"/>, killing it (and its children) at <paramref name="timeout"/>.</summary>
    public static async Task<EngineCliRun> RunAsync(string cli, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(cli, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"could not start {cli}");
        }
        catch (Win32Exception ex)
        {
            return new EngineCliRun(null, string.Empty, $"could not run {cli}: {ex.Message}", TimedOut: false);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new EngineCliRun(null, string.Empty, string.Empty, TimedOut: true);
            }

            return new EngineCliRun(process.ExitCode, (await output).Trim(), await error, TimedOut: false);
        }
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
