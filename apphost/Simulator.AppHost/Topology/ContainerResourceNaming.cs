namespace Simulator.AppHost.Topology;

/// <summary>
/// Names of the resources only the containers runtime creates. Shared components keep the names of
/// <see cref="ResourceNaming"/> (<c>eu-pg-1</c>, <c>eu-redis</c>, <c>eu-odoo-1</c>, <c>eu-ingress</c>),
/// so scenarios and fault targets mean the same thing in both runtimes.
/// </summary>
public static class ContainerResourceNaming
{
    /// <summary>The one-shot container that creates and seeds Odoo's database.</summary>
    public const string OdooInit = "odoo-init";

    /// <summary>The one-shot container creating the region's bucket.</summary>
    public static string Bucket(string region) => $"{region}-s3-bucket";

    /// <summary>A tenant topology's PgBouncer in <paramref name="region"/>, sending each tenant's database to its server.</summary>
    public static string TenantRouter(string region) => $"{region}-tenant-router";

    /// <summary>
    /// The engine's name for the container of <paramref name="resource"/> in <paramref name="run"/>
    /// (<c>sim-&lt;run&gt;-eu-pg-1</c>): fixed when the model is built, so process faults can say
    /// <c>docker kill sim-&lt;run&gt;-eu-pg-1</c>, and prefixed like the run's volumes so leftovers are found together.
    /// </summary>
    public static string Container(Native.RunDirectory run, string resource) =>
        Integrations.Containers.RunVolumes.PrefixOf(run) + resource;
}
