namespace Simulator.AppHost.Topology;

/// <summary>A primary PostgreSQL server holding tenants' databases: server <paramref name="Number"/> of <paramref name="Region"/>.</summary>
/// <param name="Region">The region it runs in.</param>
/// <param name="Number">Its number in the region, from 1 (<c>eu-pg-1</c>).</param>
public sealed record TenantServer(string Region, int Number);
