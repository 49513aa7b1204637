namespace Simulator.Chaos;

/// <summary>Checks, before anything starts, that every fault's target exists in the topology.</summary>
public static class FaultTargetValidator
{
    /// <summary>The roles a process fault may name besides resources and regions (resolved when the fault fires).</summary>
    public static IReadOnlyList<string> DefaultRoles { get; } = ["leader", "replica"];

    /// <summary>
    /// Every fault that targets something missing. A process fault must name a resource, a region or a role. A network
    /// fault must name known regions (a region, a pair, or a link's two ends), and, when <paramref name="links"/> is
    /// given, some proxied link must match; <c>all</c> is for heal only.
    /// </summary>
    /// <param name="faults">The faults, in scenario order.</param>
    /// <param name="resources">The topology's resource names.</param>
    /// <param name="regions">The topology's regions.</param>
    /// <param name="links">The proxied links, when known (then a network target must match one).</param>
    /// <param name="roles">The roles process faults may name; null for <see cref="DefaultRoles"/>.</param>
    /// <returns>Every problem, in fault order; empty when all is well.</returns>
    public static IReadOnlyList<FaultTargetProblem> FindMissingTargets(
        IEnumerable<FaultSpec> faults,
        IEnumerable<string> resources,
        IEnumerable<string> regions,
        IEnumerable<LinkName>? links = null,
        IEnumerable<string>? roles = null)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(regions);
        var resourceSet = resources.ToHashSet(StringComparer.Ordinal);
        var regionList = regions.Distinct(StringComparer.Ordinal).ToList();
        var linkList = links?.ToList();
        var roleSet = (roles ?? DefaultRoles).ToHashSet(StringComparer.Ordinal);
        var problems = new List<FaultTargetProblem>();
        var index = 0;
        foreach (var fault in faults)
        {
            var message = fault.Kind.IsProcessFault() ? CheckProcessTarget(fault, resourceSet, regionList, roleSet)
                : fault.Kind.IsClusterFault() ? CheckSwitchoverTarget(fault, regionList)
                : CheckNetworkTarget(fault, regionList, linkList);
            if (message is not null)
            {
                problems.Add(new FaultTargetProblem(index, fault, message));
            }

            index++;
        }

        return problems;
    }

    private static string? CheckProcessTarget(FaultSpec fault, HashSet<string> resources, List<string> regions, HashSet<string> roles)
    {
        var target = fault.Target?.Trim() ?? "";
        if (resources.Contains(target) || regions.Contains(target, StringComparer.Ordinal) || roles.Contains(target))
        {
            return null;
        }

        return $"no resource, region or role is called `{target}`; resources: {List(resources)}; regions: {List(regions)}; roles: {List(roles)}";
    }

    private static string? CheckSwitchoverTarget(FaultSpec fault, List<string> regions)
    {
        var target = fault.Target?.Trim() ?? "";
        if (fault.Kind == FaultType.RegionFailover)
        {
            return regions.Contains(target, StringComparer.Ordinal)
                ? null
                : $"a region failover names the region whose standby cluster takes over; regions: {List(regions)}";
        }

        return target == IClusterFaults.AnyCandidate || regions.Contains(target, StringComparer.Ordinal)
            ? null
            : $"a switchover names the region to hand the leadership to, or `{IClusterFaults.AnyCandidate}`; regions: {List(regions)}";
    }

    private static string? CheckNetworkTarget(FaultSpec fault, List<string> regions, List<LinkName>? links)
    {
        if (!LinkTarget.TryParse(fault.Target, regions, out var target, out var error))
        {
            return error;
        }

        if (target.Kind == LinkTargetKind.All)
        {
            return fault.Kind == FaultType.Heal ? null : $"`all` is only a target for heal; name a region, a pair of regions or a link";
        }

        var unknown = target.Regions().Where(r => !regions.Contains(r, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return $"no region is called {string.Join(" or ", unknown.Select(r => $"`{r}`"))}; regions: {List(regions)}";
        }

        if (links is not null && !links.Any(target.Matches))
        {
            return $"no proxied link matches `{target}`; links: {List(links.Select(l => l.ToString()))}";
        }

        return null;
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
