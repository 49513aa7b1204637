namespace Simulator.Scenarios;

/// <summary>Reading a topology: a topology file's root, or a scenario's inline <c>topology:</c> mapping.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] PatroniOnlyKeys = ["replication", "timing", "warm_standby"];

    private const string RegionExample = "e.g. regions: [{ name: eu, odoo_nodes: 2, database_replicas: 1 }]";

    private const string TenantExample = "e.g. { name: acme, region: eu, database_server: 1, dr_region: us }";

    /// <summary>The scenario's inline topology, when its <c>topology:</c> is a mapping.</summary>
    private TopologyDefinition? _inlineTopology;

    /// <summary>Reads a topology whose keys sit at <paramref name="path"/> (empty for a topology file).</summary>
    public TopologyDefinition ReadTopologyDefinition(YMapping map, string path)
    {
        _locations[path] = map.Start;
        var keys = Keys(map, path, TopologyVocabulary.TopologyKeys);
        var name = Require(keys, map, path, "name", "add e.g. name: my-topology") is { } nameEntry ? TopologyName(nameEntry.Value, FieldPath.Key(path, "name")) : null;
        var description = keys.TryGetValue("description", out var descriptionEntry) && descriptionEntry.Value is not YScalar { IsNull: true }
            ? Text(descriptionEntry.Value, FieldPath.Key(path, "description"), "a line of text")
            : null;
        var regionsPath = FieldPath.Key(path, "regions");
        var regions = Require(keys, map, path, "regions", RegionExample) is { } regionsEntry
            ? ReadList(regionsEntry.Value, regionsPath, "regions", (node, i) => ReadRegion(node, FieldPath.Index(regionsPath, i)))
            : null;
        var database = keys.TryGetValue("database", out var databaseEntry) ? ReadTopologyDatabase(databaseEntry.Value, FieldPath.Key(path, "database")) : new TopologyDatabase();
        if (regions is not null)
        {
            CheckRegions(regions, regionsEntry: keys["regions"], regionsPath, database);
        }

        var tenantsPath = FieldPath.Key(path, "tenants");
        var tenants = keys.TryGetValue("tenants", out var tenantsEntry) && tenantsEntry.Value is not YScalar { IsNull: true }
            ? ReadList(tenantsEntry.Value, tenantsPath, "tenants", (node, i) => ReadTenant(node, FieldPath.Index(tenantsPath, i)))
            : null;
        if (tenants is not null)
        {
            CheckTenants(tenants, tenantsEntry!, tenantsPath, database);
            CheckTenantPlaces(tenants, tenantsPath, regions ?? [], regionsPath);
        }

        return new TopologyDefinition
        {
            Name = name ?? string.Empty,
            Description = description ?? string.Empty,
            Regions = [.. (regions ?? []).OfType<TopologyRegion>()],
            Database = database,
            Tenants = [.. (tenants ?? []).OfType<TopologyTenant>()],
            SourcePath = file,
        };
    }

    private string? ReadTopology(YNode node)
    {
        if (node is YMapping map)
        {
            _inlineTopology = ReadTopologyDefinition(map, "topology");
            return _inlineTopology.Name;
        }

        return Text(node, "topology", "a topology name such as single-region-ha, or a mapping with name, regions and database");
    }

    private string? TopologyName(YNode node, string field)
    {
        if (Text(node, field, "a name such as single-region-ha") is not { } name)
        {
            return null;
        }

        if (Names.IsValid(name))
        {
            return name;
        }

        Error(node.Start, field, $"`{name}` is not a valid topology name", Names.Rule);
        return null;
    }

    /// <summary>A region, or null (after reporting) when it cannot be read at all.</summary>
    private TopologyRegion? ReadRegion(YNode node, string path)
    {
        _locations[path] = node.Start;
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a region mapping, found {node.Describe()}", "e.g. { name: eu, odoo_nodes: 2, database_replicas: 1 }");
            return null;
        }

        var keys = Keys(map, path, TopologyVocabulary.RegionKeys);
        var name = Require(keys, map, path, "name", "add e.g. name: eu") is { } nameEntry ? TopologyName(nameEntry.Value, FieldPath.Key(path, "name")) : null;
        var odooNodes = keys.TryGetValue("odoo_nodes", out var odoo) ? Integer(odoo.Value, FieldPath.Key(path, "odoo_nodes"), "a count such as 2") : null;
        var replicas = keys.TryGetValue("database_replicas", out var replicasEntry) ? Integer(replicasEntry.Value, FieldPath.Key(path, "database_replicas"), "a count such as 1") : null;
        var workers = keys.TryGetValue("odoo_workers", out var workersEntry) ? OdooWorkers(workersEntry.Value, FieldPath.Key(path, "odoo_workers")) : null;
        var noFailover = keys.TryGetValue("nofailover", out var noFailoverEntry) && Boolean(noFailoverEntry.Value, FieldPath.Key(path, "nofailover")) == true;
        var noSync = keys.TryGetValue("nosync", out var noSyncEntry) && Boolean(noSyncEntry.Value, FieldPath.Key(path, "nosync")) == true;
        return name is null ? null : new TopologyRegion(name, odooNodes ?? 1, replicas ?? 0) { OdooWorkers = workers, NoFailover = noFailover, NoSync = noSync };
    }

    /// <summary>An Odoo server's worker count: from 1 to <see cref="TopologyVocabulary.MaxOdooWorkers"/>.</summary>
    private int? OdooWorkers(YNode node, string path)
    {
        var workers = Integer(node, path, "a count such as 8");
        if (workers is < 1 or > TopologyVocabulary.MaxOdooWorkers)
        {
            Error(node.Start, path, $"{workers} Odoo workers: a server runs from 1 to {TopologyVocabulary.MaxOdooWorkers}",
                "e.g. odoo_workers: 8 (Odoo's workers; the runtime's default is 4)");
            return null;
        }

        return workers;
    }

    /// <summary>A tenant, or null (after reporting) when it cannot be read at all.</summary>
    private TopologyTenant? ReadTenant(YNode node, string path)
    {
        _locations[path] = node.Start;
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a tenant mapping, found {node.Describe()}", TenantExample);
            return null;
        }

        var keys = Keys(map, path, TopologyVocabulary.TenantKeys);
        var name = Require(keys, map, path, "name", "add e.g. name: acme") is { } nameEntry ? TopologyName(nameEntry.Value, FieldPath.Key(path, "name")) : null;
        var server = keys.TryGetValue("database_server", out var serverEntry) ? Integer(serverEntry.Value, FieldPath.Key(path, "database_server"), "a server number such as 1") : null;
        if (server is < 1 && serverEntry is not null)
        {
            Error(serverEntry.Value.Start, FieldPath.Key(path, "database_server"), $"database server {server} does not exist: they are numbered from 1", "write 1 for the first server, 2 for a second, …");
            return null;
        }

        var region = keys.TryGetValue("region", out var regionEntry) ? TopologyName(regionEntry.Value, FieldPath.Key(path, "region")) : null;
        var drRegion = keys.TryGetValue("dr_region", out var drEntry) ? TopologyName(drEntry.Value, FieldPath.Key(path, "dr_region")) : null;
        return name is null ? null : new TopologyTenant(name, server ?? 1) { Region = region, DrRegion = drRegion };
    }

    /// <summary>Each tenant named once, on a topology that can serve several databases (streaming replication).</summary>
    private void CheckTenants(IReadOnlyList<TopologyTenant?> tenants, YEntry tenantsEntry, string path, TopologyDatabase database)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tenants.Count; i++)
        {
            var namePath = FieldPath.Key(FieldPath.Index(path, i), "name");
            if (tenants[i] is { } tenant && !seen.Add(tenant.Name) && _locations.TryGetValue(namePath, out var at))
            {
                Error(at, namePath, $"tenant `{tenant.Name}` is listed twice", "give each tenant once");
            }
        }

        if (database.IsPatroni)
        {
            Error(tenantsEntry.Key.Start, path, "tenants run with streaming replication only", "remove the Patroni engine, or the tenants");
        }
    }

    /// <summary>
    /// Where the tenants live: their regions and DR regions exist (a DR region other than the tenant's own), tenants
    /// sharing a server share its DR region, every region running Odoo nodes has a tenant of its own to serve (a
    /// region's nodes serve only its tenants), and no region keeps read replicas (with tenants, replicas are the DR
    /// ones <c>dr_region</c> places).
    /// </summary>
    private void CheckTenantPlaces(IReadOnlyList<TopologyTenant?> tenants, string path, IReadOnlyList<TopologyRegion?> regions, string regionsPath)
    {
        var names = regions.OfType<TopologyRegion>().Select(r => r.Name).ToList();
        if (names.Count == 0 || tenants.Count == 0)
        {
            return;
        }

        var drOfServer = new Dictionary<(string Region, int Server), string?>();
        for (var i = 0; i < tenants.Count; i++)
        {
            if (tenants[i] is not { } tenant)
            {
                continue;
            }

            var tenantPath = FieldPath.Index(path, i);
            var home = tenant.Region ?? names[0];
            CheckTenantRegion(tenant.Region, FieldPath.Key(tenantPath, "region"), names);
            CheckTenantRegion(tenant.DrRegion, FieldPath.Key(tenantPath, "dr_region"), names);
            var drField = FieldPath.Key(tenantPath, "dr_region");
            if (tenant.DrRegion == home && _locations.TryGetValue(drField, out var drAt))
            {
                Error(drAt, drField, $"tenant `{tenant.Name}` lives in `{home}`: its DR replica must be in another region", "name another region, or remove dr_region");
            }

            if (drOfServer.TryGetValue((home, tenant.DatabaseServer), out var shared) && shared != tenant.DrRegion)
            {
                Error(
                    _locations.GetValueOrDefault(drField, _locations[tenantPath]),
                    drField,
                    $"tenant `{tenant.Name}` shares database server {tenant.DatabaseServer} of `{home}` with another tenant whose dr_region is {shared ?? "none"}",
                    "tenants on one server share its DR replica: give them the same dr_region");
            }

            drOfServer.TryAdd((home, tenant.DatabaseServer), tenant.DrRegion);
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i] is not { } region)
            {
                continue;
            }

            var regionPath = FieldPath.Index(regionsPath, i);
            if (region.OdooNodes > 0 && !tenants.OfType<TopologyTenant>().Any(t => (t.Region ?? names[0]) == region.Name))
            {
                Error(
                    _locations.GetValueOrDefault(FieldPath.Key(regionPath, "odoo_nodes"), _locations[regionPath]),
                    FieldPath.Key(regionPath, "odoo_nodes"),
                    $"region `{region.Name}` runs Odoo nodes but no tenant lives there: a region's Odoo nodes serve only its own tenants",
                    $"add a tenant with region: {region.Name}, or set odoo_nodes: 0");
            }

            var replicasField = FieldPath.Key(regionPath, "database_replicas");
            if (region.DatabaseReplicas > 0 && _locations.TryGetValue(replicasField, out var replicasAt))
            {
                Error(replicasAt, replicasField, "a topology with tenants keeps no read replicas", "set database_replicas: 0; a tenant's dr_region places a replica for disaster recovery");
            }
        }
    }

    private void CheckTenantRegion(string? region, string field, IReadOnlyList<string> regions)
    {
        if (region is not null && !regions.Contains(region) && _locations.TryGetValue(field, out var at))
        {
            Error(at, field, $"`{region}` is not a region of this topology", Suggestions.DidYouMean(region, regions) ?? "regions: " + string.Join(", ", regions));
        }
    }

    private TopologyDatabase ReadTopologyDatabase(YNode node, string path)
    {
        if (node is YScalar { IsNull: true })
        {
            return new TopologyDatabase();
        }

        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a mapping with engine and, for Patroni, replication, timing and warm_standby, found {node.Describe()}", "e.g. database: { engine: patroni, replication: sync, timing: fast }");
            return new TopologyDatabase();
        }

        var keys = Keys(map, path, TopologyVocabulary.DatabaseKeys);
        var engine = keys.TryGetValue("engine", out var engineEntry) ? OneOf(engineEntry.Value, FieldPath.Key(path, "engine"), TopologyDatabase.Engines) : null;
        var database = new TopologyDatabase
        {
            Engine = engine ?? TopologyDatabase.StreamingEngine,
            Replication = keys.TryGetValue("replication", out var replication) ? OneOf(replication.Value, FieldPath.Key(path, "replication"), DatabaseSettings.ReplicationModes) : null,
            Timing = keys.TryGetValue("timing", out var timing) ? OneOf(timing.Value, FieldPath.Key(path, "timing"), DatabaseSettings.Timings) : null,
            WarmStandby = keys.TryGetValue("warm_standby", out var warmStandby) && Boolean(warmStandby.Value, FieldPath.Key(path, "warm_standby")) == true,
        };

        // Only a readable `engine: streaming` (or none) says the Patroni keys are misplaced; an unreadable engine was reported already.
        if (engine is not null || !keys.ContainsKey("engine"))
        {
            foreach (var key in database.IsPatroni ? [] : PatroniOnlyKeys.Where(keys.ContainsKey))
            {
                Error(keys[key].Key.Start, FieldPath.Key(path, key), $"`{key}` applies to Patroni only, and this topology's engine is {TopologyDatabase.StreamingEngine}", "add engine: patroni, or remove it");
            }
        }

        return database;
    }

    /// <summary>At least one region, each named once, with counts the engine can run.</summary>
    private void CheckRegions(IReadOnlyList<TopologyRegion?> regions, YEntry regionsEntry, string path, TopologyDatabase database)
    {
        if (regions.Count == 0 && regionsEntry.Value is YSequence or YScalar { IsNull: true })
        {
            Error(regionsEntry.Value.Start, path, "a topology needs at least one region", RegionExample);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i] is not { } region)
            {
                continue;
            }

            var regionPath = FieldPath.Index(path, i);
            if (!seen.Add(region.Name))
            {
                Error(_locations[FieldPath.Key(regionPath, "name")], FieldPath.Key(regionPath, "name"), $"region `{region.Name}` is listed twice", "give each region once");
            }

            CheckPatroniTags(region, regionPath, first: i == 0, database);
            var replicasField = FieldPath.Key(regionPath, "database_replicas");
            if (database.IsPatroni && !database.WarmStandby && region.DatabaseReplicas > 0 && _locations.TryGetValue(replicasField, out var at))
            {
                Error(at, replicasField, "a Patroni topology runs one database node per region, so a region has no replicas of its own", "set database_replicas: 0, or warm_standby: true for a cluster of several nodes in each region");
            }
        }

        if (database.WarmStandby && regions.Count < 2 && _locations.TryGetValue(path, out var regionsAt))
        {
            Error(regionsAt, path, "warm standby needs a second region for the standby cluster", "add a region, or remove warm_standby");
        }
    }

    /// <summary>
    /// <c>nofailover</c> and <c>nosync</c> are Patroni's tags: only a Patroni topology has them, and the first region's
    /// node, which bootstraps the cluster and leads first, may not be barred from leading.
    /// </summary>
    private void CheckPatroniTags(TopologyRegion region, string regionPath, bool first, TopologyDatabase database)
    {
        foreach (var (tag, set) in new[] { ("nofailover", region.NoFailover), ("nosync", region.NoSync) })
        {
            var field = FieldPath.Key(regionPath, tag);
            if (!set || !_locations.TryGetValue(field, out var at))
            {
                continue;
            }

            if (!database.IsPatroni)
            {
                Error(at, field, $"`{tag}` is a Patroni tag, and this topology runs plain streaming replication (no failover)", "remove it, or set database: { engine: patroni }");
            }
            else if (first && tag == "nofailover")
            {
                Error(at, field, $"`{region.Name}` is the first region: its node bootstraps the cluster and leads first, so it cannot be barred from leading", "list the region that must never lead after the first one");
            }
        }
    }

    private bool? Boolean(YNode node, string field)
    {
        if (Scalar(node, field, "true or false") is not { } scalar)
        {
            return null;
        }

        switch (scalar.Value.Trim())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(scalar.Start, field, $"`{scalar.Value.Trim()}` is not true or false", "write true or false");
                return null;
        }
    }
}
