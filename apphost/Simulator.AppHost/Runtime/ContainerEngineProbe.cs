using System.Globalization;

namespace Simulator.AppHost.Runtime;

/// <summary>
/// Asks the container engines' CLIs whether their engine answers (<c>docker info</c>, <c>podman info</c>),
/// each within a short timeout: a missing CLI, a stopped daemon or a hung one all mean "no engine".
/// The engine named by <c>ASPIRE_CONTAINER_RUNTIME</c> is tried first, as Aspire itself would use it.
/// </summary>
public sealed class ContainerEngineProbe(TimeSpan timeout, string? searchPath = null)
{
    /// <summary>How long each CLI may take to answer by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private static readonly string[] Engines = ["docker", "podman"];

    /// <summary>A probe with <see cref="DefaultTimeout"/> and the process's <c>PATH</c>.</summary>
    public static ContainerEngineProbe Default { get; } = new(DefaultTimeout);

    /// <summary>Tries each engine in turn; returns the first that answers, with what every earlier one said.</summary>
    public async Task<ContainerEngineStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        foreach (var engine in Order(Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME")))
        {
            var cli = FindOnPath(engine);
            if (cli is null)
            {
                findings.Add($"{engine}: not installed (no {engine} on PATH)");
                continue;
            }

            var (version, problem) = await AskAsync(cli, engine, cancellationToken);
            if (version is not null)
            {
                findings.Add($"{engine}: engine {version} answered");
                return new ContainerEngineStatus(engine, version, findings);
            }

            findings.Add($"{engine}: {problem}");
        }

        return new ContainerEngineStatus(null, null, findings);
    }

    private static IEnumerable<string> Order(string? preferred) =>
        preferred is { Length: > 0 } && Engines.Contains(preferred, StringComparer.Ordinal)
            ? Engines.OrderBy(e => e == preferred ? 0 : 1)
            : Engines;

    private string? FindOnPath(string command)
    {
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
    }

    private async Task<(string? Version, string? Problem)> AskAsync(string cli, string engine, CancellationToken cancellationToken)
    {
        var format = engine == "podman" ? "{{.Version.Version}}" : "{{.ServerVersion}}";
        var run = await EngineCliRun.RunAsync(cli, ["info", "--format", format], timeout, cancellationToken);
        if (run.TimedOut)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"`{engine} info` did not answer within {timeout.TotalSeconds:0.#} s"));
        }

        if (run.ExitCode is not { } exitCode)
        {
            return (null, run.Error);
        }

        if (exitCode == 0 && run.Output.Length > 0)
        {
            return (run.Output, null);
        }

        return (null, string.Create(CultureInfo.InvariantCulture, $"`{engine} info` failed (exit {exitCode}): {run.Reason ?? "no output"}"));
    }
}
