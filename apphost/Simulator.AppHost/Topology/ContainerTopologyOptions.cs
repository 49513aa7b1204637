using System.Globalization;
using Microsoft.Extensions.Configuration;
using Simulator.AppHost.Integrations.Odoo;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>How the containers runtime builds a topology: images, Odoo's configuration, Patroni's settings.</summary>
/// <param name="Images">The images to run.</param>
/// <param name="Odoo">Every Odoo node's configuration.</param>
/// <param name="Patroni">
/// The Patroni settings of a topology that names none (<see cref="TopologySpec.Patroni"/> null: the topologies that
/// replicate natively without Patroni, which containers run under Patroni all the same); see <see cref="PatroniFor"/>.
/// </param>
/// <param name="Bucket">Bucket created in each region's object storage.</param>
public sealed record ContainerTopologyOptions(
    ContainerTopologyImages Images,
    OdooContainerSettings Odoo,
    PatroniClusterSettings Patroni,
    string Bucket)
{
    /// <summary>Configuration section of these options.</summary>
    public const string Section = "Containers";

    /// <summary>Odoo 17, the <c>fast</c> Patroni profile, pinned images, bucket <c>odoo-attachments</c>.</summary>
    public static ContainerTopologyOptions Default { get; } = new(
        ContainerTopologyImages.Pinned(OdooContainerVersion.Odoo17),
        OdooContainerSettings.Default,
        PatroniClusterSettings.Fast,
        "odoo-attachments");

    /// <summary>
    /// The Patroni settings <paramref name="spec"/> runs with: its own options (the catalogue's, with a scenario's
    /// <c>database:</c> replication and timing in place, as the native runtime renders them) when it has any,
    /// otherwise <see cref="Patroni"/> (<c>Containers:Patroni:Profile</c>).
    /// </summary>
    public PatroniClusterSettings PatroniFor(TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Patroni is { } options ? PatroniClusterSettings.From(options) : Patroni;
    }

    /// <summary>
    /// The options as configured: <c>Containers:Odoo:Version</c> (<c>17.0</c> or <c>18.0</c>),
    /// <c>Containers:Odoo:Workers</c>, <c>Containers:Patroni:Profile</c> (<c>default</c> or <c>fast</c>, for topologies
/// without Patroni options of their own),
    /// and image overrides. Every mistake is reported at once, naming its key.
    /// </summary>
    public static ContainerTopologyOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var errors = new List<string>();
        var odoo = OdooContainerSettings.Default;
        switch (section["Odoo:Version"])
        {
            case null or "" or "17" or "17.0":
                break;
            case "18" or "18.0":
                odoo = odoo with { Version = OdooContainerVersion.Odoo18 };
                break;
            case var other:
                errors.Add($"{Section}:Odoo:Version: '{other}' is not 17.0 or 18.0");
                break;
        }

        if (section["Odoo:Workers"] is { Length: > 0 } workers)
        {
            if (int.TryParse(workers, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= TopologyVocabulary.MaxOdooWorkers)
            {
                odoo = odoo with { Workers = count };
            }
            else
            {
                errors.Add($"{Section}:Odoo:Workers: '{workers}' is not a whole number from 1 to {TopologyVocabulary.MaxOdooWorkers}");
            }
        }

        var patroni = section["Patroni:Profile"] switch
        {
            null or "" or "fast" => PatroniClusterSettings.Fast,
            "default" => PatroniClusterSettings.Default,
            var other => Invalid(errors, $"{Section}:Patroni:Profile: '{other}' is not default or fast", PatroniClusterSettings.Fast),
        };

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }

        var images = ContainerTopologyImages.Pinned(odoo.Version).WithOverrides(configuration);
        return Default with { Images = images, Odoo = odoo, Patroni = patroni };
    }

    private static T Invalid<T>(List<string> errors, string error, T fallback)
    {
        errors.Add(error);
        return fallback;
    }
}
