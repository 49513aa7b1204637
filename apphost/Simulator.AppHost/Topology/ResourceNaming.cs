namespace Simulator.AppHost.Topology;

/// <summary>
/// The names native resources get: <c>&lt;region&gt;-&lt;component&gt;[-n]</c>. One place, so the
/// builder and the scenario validator cannot disagree.
/// </summary>
public static class ResourceNaming
{
    /// <summary>Database node <paramref name="number"/> (1-based) of a region.</summary>
    public static string DatabaseNode(string region, int number) => $"{region}-pg-{number}";

    /// <summary>The region's Redis.</summary>
    public static string Redis(string region) => $"{region}-redis";

    /// <summary>Odoo node <paramref name="number"/> (1-based) of a region.</summary>
    public static string OdooNode(string region, int number) => $"{region}-odoo-{number}";

    /// <summary>The region's object storage (attachments).</summary>
    public static string ObjectStorage(string region) => $"{region}-s3";

    /// <summary>The region's ingress.</summary>
    public static string Ingress(string region) => $"{region}-ingress";

    /// <summary>The topology's fault proxy, which carries every cross-region link.</summary>
    public const string FaultProxy = "fault-proxy";

    /// <summary>The region's etcd member.</summary>
    public static string Etcd(string region) => $"{region}-etcd";

    /// <summary>The region's PostgreSQL router (HAProxy: writes to the Patroni leader, reads to a replica).</summary>
    public static string DatabaseRouter(string region) => $"{region}-pg-router";
}
