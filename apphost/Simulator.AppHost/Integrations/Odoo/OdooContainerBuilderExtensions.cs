using System.Globalization;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>Adds Odoo servers of the containers runtime (the official <c>odoo</c> image).</summary>
public static class OdooContainerBuilderExtensions
{
    /// <summary>Folder inside the container holding the seed script.</summary>
    public const string SeedDirectory = "/opt/simulator";

    /// <summary>The seed script, next to the simulator's binaries.</summary>
    public static string SeedScript => Path.Combine(AppContext.BaseDirectory, "Integrations", "Odoo", "odoo-container", "seed.py");

    /// <summary>
    /// Adds one Odoo node serving <paramref name="region"/>, configured by <paramref name="odooConf"/>
    /// and keeping its filestore and web sessions in <paramref name="dataVolume"/> (shared by every
    /// node, as a deployment shares its filestore). The image's entrypoint waits for PostgreSQL; the
    /// node is healthy once <c>/web/health</c> answers 200.
    /// </summary>
    public static IResourceBuilder<OdooContainerResource> AddOdooContainerNode(
        this IDistributedApplicationBuilder builder,
        string name,
        string region,
        ContainerImage image,
        string odooConf,
        string dataVolume)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        return builder.AddResource(new OdooContainerResource(name, region))
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(OdooContainerResource.HttpEndpointName, OdooContainerConfig.HttpPort, "http")
            .WithLoopbackEndpoint(OdooContainerResource.WebsocketEndpointName, OdooContainerConfig.GeventPort, "http")
            .WithGeneratedFile(OdooContainerConfig.ConfigDirectory, OdooContainerConfig.ConfigFile, odooConf)
            .WithVolume(dataVolume, OdooContainerConfig.DataDirectory)
            .WithHttpHealthCheck("/web/health", endpointName: OdooContainerResource.HttpEndpointName)
            .WithIconName("Globe");
    }

    /// <summary>
    /// Adds the one-shot container that creates the database with <see cref="OdooContainerSettings.Modules"/>
    /// (no demo data) and seeds it with the emulator's data shape and the run's API credentials, then
    /// exits; Odoo nodes start once it has completed successfully. With <paramref name="tenants"/>, it creates and
    /// seeds every tenant's database instead, each on its own server.
    /// </summary>
    public static IResourceBuilder<ContainerResource> AddOdooContainerDatabaseInit(
        this IDistributedApplicationBuilder builder,
        string name,
        ContainerImage image,
        OdooContainerSettings settings,
        string odooConf,
        string dataVolume,
        OdooCredentials credentials,
        IReadOnlyList<string> regions,
        IReadOnlyList<TenantPlacement>? tenants = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(regions);
        return builder.AddContainer(name, image.Image, image.Tag)
            .WithPinnedImage(image)
            .WithGeneratedFile(OdooContainerConfig.ConfigDirectory, OdooContainerConfig.ConfigFile, odooConf)
            .WithGeneratedFile(SeedDirectory, "seed.py", File.ReadAllText(SeedScript))
            .WithVolume(dataVolume, OdooContainerConfig.DataDirectory)
            .WithEntrypoint("/bin/bash")
            .WithArgs("-c", tenants is { Count: > 0 } ? InitCommand(settings, tenants) : InitCommand(settings, credentials.Database))
            .WithEnvironment("SIM_ODOO_LOGIN", credentials.Login)
            .WithEnvironment("SIM_ODOO_PASSWORD", credentials.Password)
            .WithEnvironment("SIM_SEED_PRODUCTS", settings.SeedProducts.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("SIM_SEED_PARTNERS", settings.SeedPartners.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("SIM_SEED_STOCK", settings.SeedStockPerProduct.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("SIM_REGIONS", string.Join(",", regions))
            .WithEnvironment("SIM_ODOO_MAJOR", MajorVersion(settings.Version).ToString(CultureInfo.InvariantCulture))
            .WithIconName("DatabaseArrowUp");
    }

    /// <summary>The init container's shell command: install the modules, then run the seed script in <c>odoo shell</c>.</summary>
    public static string InitCommand(OdooContainerSettings settings, string database)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var conf = $"{OdooContainerConfig.ConfigDirectory}/{OdooContainerConfig.ConfigFile}";
        return $"set -euo pipefail; " +
            $"odoo -c {conf} -d {database} -i {string.Join(",", settings.Modules)} --without-demo=all --stop-after-init --no-http && " +
            $"odoo shell -c {conf} -d {database} --no-http < {SeedDirectory}/seed.py";
    }

    /// <summary>
    /// The init container's shell command with tenants: for each tenant in turn, install the modules in its database
    /// and seed it, Odoo pointed (<c>--db_host</c>/<c>--db_port</c>) at the tenant's own server, so the database is
    /// created there and not wherever the configuration's <c>db_host</c> leads.
    /// </summary>
    public static string InitCommand(OdooContainerSettings settings, IReadOnlyList<TenantPlacement> tenants)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tenants);
        var conf = $"{OdooContainerConfig.ConfigDirectory}/{OdooContainerConfig.ConfigFile}";
        var steps = tenants.Select(t =>
        {
            var server = string.Create(CultureInfo.InvariantCulture, $"--db_host {t.Server.Host} --db_port {t.Server.Port}");
            return $"odoo -c {conf} {server} -d {t.Database} -i {string.Join(",", settings.Modules)} --without-demo=all --stop-after-init --no-http && " +
                $"odoo shell -c {conf} {server} -d {t.Database} --no-http < {SeedDirectory}/seed.py";
        });
        return "set -euo pipefail; " + string.Join(" && ", steps);
    }

    /// <summary>17 or 18.</summary>
    public static int MajorVersion(OdooContainerVersion version) => version == OdooContainerVersion.Odoo18 ? 18 : 17;
}
