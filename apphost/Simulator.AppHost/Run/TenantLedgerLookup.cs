using Simulator.Load.Ledger;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// The ledger check on a topology with tenants: each tenant numbers its orders on its own (acme's S00001 and globex's
/// S00001 are different orders), so an acknowledged order is looked up in the database of the tenant its workload
/// wrote to. Ids are qualified <c>tenant/name</c> for that (and so reported as lost); without a tenant they stay bare and
/// are looked up in the topology's only (or first) database, as before tenants existed.
/// </summary>
public static class TenantLedgerLookup
{
    private const char Separator = '/';

    /// <summary>The acknowledged ids, each qualified with the tenant of the workload that wrote it.</summary>
    public static IEnumerable<string> QualifiedIds(IEnumerable<LedgerEntry> acknowledged, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(scenario);
        var tenantOf = scenario.Workloads.Where(w => w.Tenant is not null).ToDictionary(w => (w.Name, w.Region), w => w.Tenant!);
        return acknowledged.Select(e => tenantOf.TryGetValue((e.Workload, e.Region), out var tenant) ? $"{tenant}{Separator}{e.Id}" : e.Id);
    }

    /// <summary>
    /// A lookup of <see cref="QualifiedIds"/> among confirmed sale orders: bare ids on <paramref name="connectionString"/>'s
    /// database, qualified ones on their tenant's (<paramref name="connectionStringOf"/>).
    /// </summary>
    public static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> SaleOrderNames(
        string connectionString, Func<string, CancellationToken, Task<string>> connectionStringOf) =>
        async (ids, cancellationToken) =>
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var group in ids.GroupBy(TenantOf))
            {
                var connection = group.Key.Length == 0 ? connectionString : await connectionStringOf(group.Key, cancellationToken);
                var present = await PrimaryLedgerLookup.SaleOrderNames(connection)([.. group.Select(NameOf)], cancellationToken);
                found.UnionWith(group.Where(id => present.Contains(NameOf(id))));
            }

            return found;
        };

    private static string TenantOf(string id) => id.IndexOf(Separator, StringComparison.Ordinal) is var at and >= 0 ? id[..at] : string.Empty;

    private static string NameOf(string id) => id[(id.IndexOf(Separator, StringComparison.Ordinal) + 1)..];
}
