namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>
/// How every Odoo node of a containers topology is configured (its <c>odoo.conf</c>), and what the
/// database is initialised with. The defaults are a small production-like node.
/// </summary>
/// <param name="Version">Odoo 17.0 or 18.0.</param>
/// <param name="Workers">Odoo's <c>workers</c>: HTTP worker processes (prefork mode; 0 would be threaded).</param>
/// <param name="MaxCronThreads">Cron workers per node.</param>
/// <param name="DbMaxConn">Odoo's <c>db_maxconn</c>: connection pool size per worker.</param>
/// <param name="LimitTimeReal">Seconds of wall time a request may take before its worker is killed.</param>
/// <param name="LimitTimeCpu">Seconds of CPU a request may take.</param>
/// <param name="LimitMemorySoftBytes">A worker past this size is recycled after its request.</param>
/// <param name="LimitMemoryHardBytes">A worker past this size is killed at once.</param>
/// <param name="Modules">Modules installed when the database is created.</param>
/// <param name="SeedProducts">Products seeded (the emulator's <c>Odoo:Seed:Products</c> shape).</param>
/// <param name="SeedPartners">Partners seeded.</param>
/// <param name="SeedStockPerProduct">On-hand quantity of every product in every region's warehouse.</param>
public sealed record OdooContainerSettings(
    OdooContainerVersion Version,
    int Workers,
    int MaxCronThreads,
    int DbMaxConn,
    int LimitTimeReal,
    int LimitTimeCpu,
    long LimitMemorySoftBytes,
    long LimitMemoryHardBytes,
    IReadOnlyList<string> Modules,
    int SeedProducts,
    int SeedPartners,
    int SeedStockPerProduct)
{
    /// <summary>Odoo 17, two workers, Odoo's default limits, <c>sale_management</c> and <c>stock</c>.</summary>
    public static OdooContainerSettings Default { get; } = new(
        OdooContainerVersion.Odoo17,
        Workers: 2,
        MaxCronThreads: 1,
        DbMaxConn: 32,
        LimitTimeReal: 120,
        LimitTimeCpu: 60,
        LimitMemorySoftBytes: 2L * 1024 * 1024 * 1024,
        LimitMemoryHardBytes: 2560L * 1024 * 1024,
        Modules: ["sale_management", "stock"],
        SeedProducts: 200,
        SeedPartners: 50,
        SeedStockPerProduct: 1000);

    /// <summary>True when this version reads from a replica through <c>db_replica_host</c>.</summary>
    public bool SupportsReplica => Version >= OdooContainerVersion.Odoo18;
}
