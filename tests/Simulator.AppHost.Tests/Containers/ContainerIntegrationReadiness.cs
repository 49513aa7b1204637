using Simulator.AppHost.Runtime;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// Whether the container integration test can run here: an engine answers and every pinned image is
/// already pulled (tests never pull: a first pull is gigabytes and minutes). Says why not otherwise.
/// </summary>
public sealed record ContainerIntegrationReadiness(string? Engine, string? Reason)
{
    public bool CanRun => Reason is null;

    public static async Task<ContainerIntegrationReadiness> CheckAsync(ContainerTopologyImages images, CancellationToken cancellationToken)
    {
        var status = await ContainerEngineProbe.Default.ProbeAsync(cancellationToken);
        if (!status.Healthy)
        {
            return new ContainerIntegrationReadiness(null, "no container engine answered: " + status.Summary);
        }

        var missing = images.All
            .Where(image => ProcessRunner.Run(status.Engine!, ["image", "inspect", image.Reference], timeout: TimeSpan.FromSeconds(30)).ExitCode != 0)
            .Select(image => image.Reference)
            .ToList();
        return missing.Count == 0
            ? new ContainerIntegrationReadiness(status.Engine, null)
            : new ContainerIntegrationReadiness(
                status.Engine,
                $"{status.Summary}, but {missing.Count} pinned image(s) are not pulled: {string.Join(", ", missing)} (docs/containers.md: first run)");
    }
}
