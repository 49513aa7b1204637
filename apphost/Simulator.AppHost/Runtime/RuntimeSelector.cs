using Simulator.AppHost.Cli;

namespace Simulator.AppHost.Runtime;

/// <summary>
/// Turns <c>--runtime auto|native|containers</c> into a runtime. <c>auto</c> (the default) probes for a
/// container engine and falls back to native when none answers; <c>containers</c> without a healthy
/// engine is an environment failure (exit 3) saying how to fix it.
/// </summary>
public static class RuntimeSelector
{
    /// <summary>The values <c>--runtime</c> takes.</summary>
    public const string Values = "auto, native or containers";

    /// <summary>
    /// True once <c>auto</c> may choose containers: every verb stands topologies up in containers and a run has been
    /// verified against a real engine. <c>sim run --runtime containers</c> is wired (<c>ContainerTopologyHost</c>), but
    /// no build machine has had an engine to run it on, and <c>sim up</c>, <c>compare</c> and <c>sweep</c> are not
    /// wired; so containers are used only when asked for, by the verbs that can.
    /// </summary>
    public static bool ContainerRunsWired => false;

    /// <summary>Chooses the runtime for <paramref name="requested"/> (null means <c>auto</c>).</summary>
    /// <param name="requested">The <c>--runtime</c> value; null for <c>auto</c>.</param>
    /// <param name="probe">Asks the engines.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <param name="verbRunsContainers">Whether the verb asking can stand a topology up in containers (<c>sim run</c>).</param>
    public static async Task<RuntimeChoice> ChooseAsync(
        string? requested, ContainerEngineProbe probe, CancellationToken cancellationToken, bool verbRunsContainers = false)
    {
        ArgumentNullException.ThrowIfNull(probe);
        switch (requested ?? "auto")
        {
            case "native":
                return new RuntimeChoice(SimRuntime.Native, "asked for with --runtime native");
            case "containers":
                var engine = await probe.ProbeAsync(cancellationToken);
                if (!engine.Healthy)
                {
                    throw new EnvironmentSetupException(NoEngineMessage(engine));
                }

                if (!verbRunsContainers)
                {
                    throw new EnvironmentSetupException(
                        $"--runtime containers: {engine.Summary}, but this command cannot yet stand a topology up in containers " +
                        "(`sim run` can). Run with --runtime native; docs/containers.md says what exists.");
                }

                return new RuntimeChoice(SimRuntime.Containers, $"asked for with --runtime containers; {engine.Summary}", engine.Engine);
            case "auto":
                var found = await probe.ProbeAsync(cancellationToken);
                if (!found.Healthy)
                {
                    return new RuntimeChoice(SimRuntime.Native, $"auto: no container engine answered — {found.Summary}");
                }

                return ContainerRunsWired
                    ? new RuntimeChoice(SimRuntime.Containers, $"auto: {found.Summary}", found.Engine)
                    : new RuntimeChoice(SimRuntime.Native, $"auto: {found.Summary}, but containers are used only when asked for (--runtime containers) until a container run is verified on a real engine");
            case var other:
                throw new CliUsageException($"--runtime must be {Values}, not '{other}'");
        }
    }

    /// <summary>What to say when <c>--runtime containers</c> finds no engine: what was tried, and how to fix it.</summary>
    public static string NoEngineMessage(ContainerEngineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return "--runtime containers needs a running container engine, and none answered: " + status.Summary + "." + Environment.NewLine +
            "  To fix: start Docker (Docker Desktop, or `sudo systemctl start docker`) or Podman (`podman machine start` on macOS/Windows)," + Environment.NewLine +
            "  check that `docker info` or `podman info` answers, then run again; set ASPIRE_CONTAINER_RUNTIME=podman to prefer Podman." + Environment.NewLine +
            "  Or run with --runtime native (PostgreSQL, Patroni, Redis and HAProxy from Debian packages, no engine needed).";
    }
}
