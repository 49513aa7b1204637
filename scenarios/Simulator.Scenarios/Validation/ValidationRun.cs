namespace Simulator.Scenarios;

/// <summary>One pass of <see cref="ScenarioValidator"/> over one scenario.</summary>
internal sealed class ValidationRun
{
    private readonly Scenario _scenario;
    private readonly ITopologyCatalog? _catalog;
    private readonly Func<int, string> _thresholdPath;
    private readonly ErrorCollector _errors;
    private TopologyOutline? _topology;

    public ValidationRun(Scenario scenario, ITopologyCatalog? catalog, Func<int, string> thresholdPath)
    {
        _scenario = scenario;
        _catalog = catalog;
        _thresholdPath = thresholdPath;
        _errors = new ErrorCollector(scenario.SourcePath ?? "<scenario>", scenario.Locations);
    }

    public IReadOnlyList<ScenarioError> Errors => _errors.Errors;

    private bool HasDuration => _scenario.Duration > TimeSpan.Zero;

    private string RunLength => DurationParser.Format(_scenario.Duration);

    /// <summary>
    /// The topologies an <c>only-on</c> may name: the catalogue's (with any topology files the caller added to it) and
    /// the scenario's inline topology.
    /// </summary>
    private IEnumerable<string> OnlyOnNames =>
        (_catalog?.TopologyNames ?? []).Concat(_scenario.InlineTopology is { Name.Length: > 0 } inline ? [inline.Name] : []).Distinct(StringComparer.Ordinal);

    public void Check()
    {
        CheckScenario();
        CheckNetwork();
        CheckWorkloads();
        for (var i = 0; i < _scenario.Faults.Count; i++)
        {
            CheckFault(_scenario.Faults[i], FieldPath.Index("faults", i));
        }

        for (var i = 0; i < _scenario.Thresholds.Count; i++)
        {
            CheckThreshold(_scenario.Thresholds[i], _thresholdPath(i));
        }
    }

    private void CheckScenario()
    {
        if (string.IsNullOrWhiteSpace(_scenario.Name))
        {
            _errors.Add("name", "the scenario has no name", "add e.g. name: quickstart");
        }

        if (!HasDuration)
        {
            _errors.Add("duration", $"the duration must be longer than zero, not {DurationParser.Format(_scenario.Duration)}", "e.g. duration: 60s");
        }

        if (_scenario.InlineTopology is { } inline && _catalog is not null)
        {
            // An inline topology without a readable region has been reported by the reader; nothing to check against.
            _topology = inline.Regions.Count > 0 ? _catalog.Outline(inline) : null;
        }
        else if (_scenario.Topology is { } topology && _catalog is not null)
        {
            _topology = _catalog.Find(topology);
            if (_topology is null)
            {
                _errors.Add(
                    "topology",
                    $"unknown topology `{topology}`",
                    Suggestions.DidYouMean(topology, _catalog.TopologyNames) ?? "known topologies: " + string.Join(", ", _catalog.TopologyNames.Order(StringComparer.Ordinal)));
            }
        }
    }

    private void CheckNetwork()
    {
        if (_scenario.Network.Jitter < TimeSpan.Zero)
        {
            _errors.Add("network.jitter", "jitter cannot be negative");
        }

        foreach (var (pair, latency) in _scenario.Network.Latency)
        {
            var field = FieldPath.Key("network.latency", pair.ToString());
            if (pair.First == pair.Second)
            {
                _errors.Add(field, $"a link joins two different regions, not `{pair.First}` to itself");
            }

            if (latency < TimeSpan.Zero)
            {
                _errors.Add(field, "latency cannot be negative");
            }

            foreach (var region in new[] { pair.First, pair.Second }.Distinct(StringComparer.Ordinal))
            {
                CheckRegion(region, field, $"`{region}` in `{pair}`");
            }
        }
    }

    private void CheckWorkloads()
    {
        if (_scenario.Workloads.Count == 0)
        {
            _errors.Add("workloads", "the scenario has no workload", "add e.g. - { name: order-import, region: eu, model: constant-rate, rate: 10/s }");
        }

        var seen = new Dictionary<(string Name, string Region), int>();
        for (var i = 0; i < _scenario.Workloads.Count; i++)
        {
            var workload = _scenario.Workloads[i];
            var path = FieldPath.Index("workloads", i);
            CheckWorkload(workload, path);
            if (workload.Name.Length == 0 || workload.Region.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue((workload.Name, workload.Region), out var first))
            {
                var firstPath = FieldPath.Index("workloads", first);
                var line = _scenario.Locations.Find(firstPath) is { } at ? $" (line {at.Line})" : string.Empty;
                _errors.Add(
                    FieldPath.Key(path, "name"),
                    $"workload `{workload.Name}` in region `{workload.Region}` is already defined at {firstPath}{line}",
                    "give it another name or region: a name and region pair must be unique");
            }
            else
            {
                seen[(workload.Name, workload.Region)] = i;
            }
        }
    }

    private void CheckWorkload(Workload workload, string path)
    {
        CheckName(workload.Name, FieldPath.Key(path, "name"), "the workload has no name", "add e.g. name: order-import");
        if (CheckName(workload.Region, FieldPath.Key(path, "region"), "the workload has no region", "add e.g. region: eu"))
        {
            CheckRegion(workload.Region, FieldPath.Key(path, "region"), $"region `{workload.Region}`");
        }

        if (workload.Tenant is { } tenant && CheckTenant(tenant, FieldPath.Key(path, "tenant")))
        {
            CheckTenantServedIn(tenant, workload.Region, FieldPath.Key(path, "tenant"));
        }

        if (workload.Phases.Count > 0)
        {
            CheckPhases(workload, path);
        }
        else
        {
            CheckPacing(workload.Pacing[0], path, isPhase: false, HasDuration ? _scenario.Duration : null, $"the {RunLength} run");
        }

        if (workload.Lines is { Min: < 1 } lines)
        {
            _errors.Add(FieldPath.Key(path, "lines"), $"an order needs at least one line, not {lines}", "e.g. lines: 1..5");
        }

        CheckUsers(workload, path);
    }

    private void CheckUsers(Workload workload, string path)
    {
        CheckPositive(workload.PreAllocatedUsers, FieldPath.Key(path, "pre_allocated_users"), "pre-allocated users");
        CheckPositive(workload.MaxUsers, FieldPath.Key(path, "max_users"), "max users");
        if (workload is { PreAllocatedUsers: { } pre, MaxUsers: { } max } && pre > max)
        {
            _errors.Add(FieldPath.Key(path, "pre_allocated_users"), $"pre_allocated_users ({pre}) is more than max_users ({max})", "raise max_users or lower pre_allocated_users");
        }

        if (workload.HasOpenModel || workload.Pacing.All(p => p.Model == WorkloadModel.Unspecified))
        {
            return;
        }

        var what = workload.Phases.Count > 0 ? "no phase of this workload is open" : "this workload is " + workload.Model.ToName();
        foreach (var (key, value) in new[] { ("pre_allocated_users", workload.PreAllocatedUsers), ("max_users", workload.MaxUsers) })
        {
            if (value is not null)
            {
                _errors.Add(FieldPath.Key(path, key), $"`{key}` is for open models, and {what}", "remove it; concurrency sets the users");
            }
        }
    }

    private void CheckPhases(Workload workload, string path)
    {
        if (workload.Model != WorkloadModel.Unspecified || workload.Rate is not null || workload.Concurrency is not null || workload.Stages.Count > 0)
        {
            _errors.Add(FieldPath.Key(path, "model"), "a workload with phases has no model of its own: each phase sets its model", "move the model keys into the phases");
        }

        var phasesPath = FieldPath.Key(path, "phases");
        var start = TimeSpan.Zero;
        for (var i = 0; i < workload.Phases.Count; i++)
        {
            var phase = workload.Phases[i];
            var phasePath = FieldPath.Index(phasesPath, i);
            var durationPath = FieldPath.Key(phasePath, "duration");
            var isLast = i == workload.Phases.Count - 1;
            TimeSpan? length = phase.Duration;
            if (phase.Duration is null && !isLast)
            {
                _errors.Add(durationPath, "every phase but the last needs a duration", "add e.g. duration: 30s (the last phase may leave it out and run until the end)");
            }
            else if (phase.Duration <= TimeSpan.Zero)
            {
                _errors.Add(durationPath, "a phase must last longer than zero", "e.g. duration: 30s");
                length = null;
            }
            else if (phase.Duration is null && HasDuration)
            {
                length = _scenario.Duration - start;
                if (length <= TimeSpan.Zero)
                {
                    _errors.Add(phasePath, $"the phases before this one already last {DurationParser.Format(start)}, leaving it no time in the {RunLength} run", "shorten the earlier phases or lengthen duration");
                    length = null;
                }
            }

            var room = phase.Duration is null ? $"the {DurationParser.Format(length ?? TimeSpan.Zero)} left in the run" : $"the phase's {DurationParser.Format(phase.Duration.Value)}";
            CheckPacing(phase, phasePath, isPhase: true, length, room);
            start += phase.Duration ?? TimeSpan.Zero;
        }

        if (HasDuration && start > _scenario.Duration)
        {
            _errors.Add(phasesPath, $"the phases last {DurationParser.Format(start)}, longer than the {RunLength} run", "shorten the phases or lengthen duration");
        }
    }

    /// <summary>Checks one model's keys, on a workload or one of its phases.</summary>
    /// <param name="pacing">The model and its keys.</param>
    /// <param name="path">The workload's or phase's field path.</param>
    /// <param name="isPhase">Whether the keys are a phase's rather than a whole workload's.</param>
    /// <param name="length">How long the model runs, when known: its stages must fit.</param>
    /// <param name="lengthText">That length in words, such as <c>the 1m run</c>.</param>
    private void CheckPacing(WorkloadPhase pacing, string path, bool isPhase, TimeSpan? length, string lengthText)
    {
        var model = pacing.Model;
        var owner = isPhase ? "phase" : "workload";
        if (model == WorkloadModel.Unspecified)
        {
            var names = isPhase ? WorkloadModels.PhaseNames : WorkloadModels.Names;
            _errors.Add(FieldPath.Key(path, "model"), $"the {owner} has no model", "add model: with one of " + string.Join(", ", names));
            return;
        }

        if (pacing.ThinkTime < TimeSpan.Zero)
        {
            _errors.Add(FieldPath.Key(path, "think_time"), "think time cannot be negative");
        }

        var name = model.ToName();
        if (model == WorkloadModel.Pause)
        {
            var extra = new[] { ("rate", pacing.Rate is not null), ("stages", pacing.Stages.Count > 0), ("concurrency", pacing.Concurrency is not null), ("think_time", pacing.ThinkTime != TimeSpan.Zero) };
            foreach (var (key, _) in extra.Where(e => e.Item2))
            {
                _errors.Add(FieldPath.Key(path, key), $"a pause starts nothing, so `{key}` has no meaning", "remove it; a pause phase takes only duration");
            }

            return;
        }

        var stagesPath = FieldPath.Key(path, "stages");
        switch (model)
        {
            case WorkloadModel.ConstantRate when pacing.Rate is null:
                _errors.Add(FieldPath.Key(path, "rate"), $"a constant-rate {owner} needs a rate", "add e.g. rate: 20/s");
                break;
            case WorkloadModel.ConstantRate when pacing.Rate.Value.PerSecond <= 0:
                _errors.Add(FieldPath.Key(path, "rate"), "the rate must be above zero", "e.g. rate: 20/s");
                break;
            case WorkloadModel.ConstantConcurrency when pacing.Concurrency is null:
                _errors.Add(FieldPath.Key(path, "concurrency"), $"a constant-concurrency {owner} needs a concurrency", "add e.g. concurrency: 10");
                break;
            case WorkloadModel.ConstantConcurrency when pacing.Concurrency <= 0:
                _errors.Add(FieldPath.Key(path, "concurrency"), "the concurrency must be above zero", "e.g. concurrency: 10");
                break;
            case WorkloadModel.RampingConcurrency when pacing.Concurrency < 0:
                _errors.Add(FieldPath.Key(path, "concurrency"), "the starting concurrency cannot be negative");
                break;
            default:
                break;
        }

        if (model.IsClosed() && pacing.Rate is not null)
        {
            _errors.Add(FieldPath.Key(path, "rate"), $"`rate` is for open models, and this {owner} is {name}", "use model: constant-rate or ramping-rate, or remove rate");
        }

        if (model.IsOpen() && pacing.Concurrency is not null)
        {
            _errors.Add(FieldPath.Key(path, "concurrency"), $"`concurrency` is for closed models, and this {owner} is {name}", "an open model is sized with pre_allocated_users and max_users; or use a concurrency model");
        }

        if (model.IsOpen() && pacing.ThinkTime > TimeSpan.Zero)
        {
            _errors.Add(FieldPath.Key(path, "think_time"), $"`think_time` is for closed models, and this {owner} is {name}", "an open model starts iterations at its rate whatever they take: remove think_time, or use a concurrency model");
        }

        if (!model.IsRamping())
        {
            if (pacing.Stages.Count > 0)
            {
                _errors.Add(stagesPath, $"`stages` are for ramping models, and this {owner} is {name}", model.IsOpen() ? "use model: ramping-rate, or remove stages" : "use model: ramping-concurrency, or remove stages");
            }

            return;
        }

        if (pacing.Stages.Count == 0)
        {
            _errors.Add(
                stagesPath,
                $"a {name} {owner} needs at least one stage",
                model == WorkloadModel.RampingRate ? "add e.g. stages: [{ to: 40/s, over: 1m }]" : "add e.g. stages: [{ to: 50, over: 1m }]");
            return;
        }

        for (var j = 0; j < pacing.Stages.Count; j++)
        {
            CheckStage(pacing.Stages[j], FieldPath.Index(stagesPath, j), model);
        }

        var total = pacing.StagesDuration;
        if (length is { } available && total > available)
        {
            _errors.Add(stagesPath, $"the stages last {DurationParser.Format(total)}, longer than {lengthText}", isPhase ? "shorten the stages or lengthen the phase" : "shorten the stages or lengthen duration");
        }
    }

    private void CheckStage(RampStage stage, string path, WorkloadModel model)
    {
        var to = FieldPath.Key(path, "to");
        if (model == WorkloadModel.RampingRate && stage.Rate is null)
        {
            _errors.Add(to, "a ramping-rate stage ramps to a rate", stage.Concurrency is { } users ? $"write a unit: {users}/s" : "add e.g. to: 40/s");
        }

        if (model == WorkloadModel.RampingConcurrency && stage.Concurrency is null)
        {
            _errors.Add(to, "a ramping-concurrency stage ramps to a number of users", "write e.g. to: 50");
        }

        if (stage.Concurrency < 0)
        {
            _errors.Add(to, "a stage cannot ramp to fewer than zero users");
        }

        if (stage.Over <= TimeSpan.Zero)
        {
            _errors.Add(FieldPath.Key(path, "over"), "a stage must last longer than zero", "e.g. over: 1m");
        }
    }

    private void CheckFault(Fault fault, string path)
    {
        if (fault.Kind == FaultKind.Unspecified)
        {
            _errors.Add(path, "the fault has no kind", "write the kind as a key with its target, e.g. { at: 60s, kill: leader }");
            return;
        }

        var kind = fault.Kind.ToName();
        var targetPath = FieldPath.Key(path, kind);
        if (fault.At < TimeSpan.Zero)
        {
            _errors.Add(FieldPath.Key(path, "at"), "a fault cannot happen before the run starts");
        }
        else if (HasDuration && fault.At >= _scenario.Duration)
        {
            _errors.Add(
                FieldPath.Key(path, "at"),
                $"the fault at {DurationParser.Format(fault.At)} is not within the {RunLength} run",
                $"use a time before {RunLength}, or lengthen duration");
        }

        var forPath = FieldPath.Key(path, "for");
        if (fault.For is null && fault.Kind.RequiresFor())
        {
            _errors.Add(forPath, $"a {kind} fault needs `for`: how long it lasts", "add e.g. for: 30s");
        }
        else if (fault.For is { } length && !fault.Kind.AllowsFor())
        {
            _errors.Add(forPath, $"`for` has no meaning for a {kind} fault", "remove it");
        }
        else if (fault.For <= TimeSpan.Zero)
        {
            _errors.Add(forPath, "`for` must be longer than zero", "e.g. for: 30s");
        }

        foreach (var key in fault.Kind.RequiredExtraKeys().Where(k => !fault.Values.ContainsKey(k)))
        {
            _errors.Add(FieldPath.Key(path, key), $"a {kind} fault needs `{key}`", "add e.g. delay: 200ms");
        }

        foreach (var (key, value) in fault.Values)
        {
            if (!fault.Kind.ExtraKeys().Contains(key))
            {
                _errors.Add(FieldPath.Key(path, key), $"`{key}` has no meaning for a {kind} fault", "remove it");
            }
            else if (!DurationParser.TryParse(value, out _, out var error))
            {
                _errors.Add(FieldPath.Key(path, key), error.Message, error.Hint);
            }
        }

        if (fault.OnlyOn is { } onlyOn && _catalog is not null && !OnlyOnNames.Contains(onlyOn, StringComparer.Ordinal))
        {
            _errors.Add(FieldPath.Key(path, "only-on"), $"no topology is called `{onlyOn}`",
                Suggestions.DidYouMean(onlyOn, OnlyOnNames)
                ?? $"known topologies: {string.Join(", ", OnlyOnNames.Order(StringComparer.Ordinal))}; a topology file counts when sim compare or a suite runs it alongside");
        }

        CheckTarget(fault, targetPath);
    }

    /// <summary>
    /// The fault's target, against the scenario's topology when the fault runs on it; a fault marked <c>only-on</c>
    /// another topology is checked for its form only here, and against that topology by whoever runs it there
    /// (<c>sim compare</c>, a suite).
    /// </summary>
    private void CheckTarget(Fault fault, string path)
    {
        var own = _topology;
        _topology = fault.AppliesTo(_scenario.Topology) ? own : null;
        try
        {
            CheckTargetOnTopology(fault, path);
        }
        finally
        {
            _topology = own;
        }
    }

    private void CheckTargetOnTopology(Fault fault, string path)
    {
        var target = fault.Target;
        if (string.IsNullOrWhiteSpace(target))
        {
            _errors.Add(path, $"the {fault.Kind.ToName()} fault has no target", "e.g. kill: leader, partition: apac");
            return;
        }

        if (fault.Kind == FaultKind.Heal && target == FaultTargets.All)
        {
            return;
        }

        if (fault.Kind == FaultKind.Switchover)
        {
            if (target != FaultTargets.AnyCandidate && _topology is not null && !_topology.Regions.Contains(target, StringComparer.Ordinal))
            {
                _errors.Add(path, $"a switchover hands the leadership to a region's node; topology `{_topology.Name}` has no region `{target}`",
                    $"one of: {string.Join(", ", _topology.Regions.Append(FaultTargets.AnyCandidate))}");
            }
            else if (target != FaultTargets.AnyCandidate && !Names.IsValid(target))
            {
                _errors.Add(path, $"`{target}` is not a region name", $"name a region, or `{FaultTargets.AnyCandidate}` to let Patroni choose");
            }

            return;
        }

        if (fault.Kind == FaultKind.RegionFailover)
        {
            if (_topology is not null && !_topology.Regions.Contains(target, StringComparer.Ordinal))
            {
                _errors.Add(path, $"a region failover names the region whose standby cluster takes over; topology `{_topology.Name}` has no region `{target}`",
                    $"one of: {string.Join(", ", _topology.Regions)}");
            }
            else if (!Names.IsValid(target))
            {
                _errors.Add(path, $"`{target}` is not a region name", "name the region whose standby cluster takes over, e.g. region-failover: us");
            }

            return;
        }

        var asProcess = fault.Kind.IsProcessFault() || fault.Kind == FaultKind.Heal;
        var asNetwork = fault.Kind.IsNetworkFault() || fault.Kind == FaultKind.Heal;
        if ((asProcess && IsProcessTarget(target)) || (asNetwork && IsNetworkTarget(target)))
        {
            return;
        }

        var candidates = new List<string>();
        if (asProcess)
        {
            candidates.AddRange(FaultTargets.Roles);
            candidates.AddRange(_topology?.Resources ?? []);
        }

        candidates.AddRange(_topology?.Regions ?? []);
        if (fault.Kind == FaultKind.Heal)
        {
            candidates.Add(FaultTargets.All);
        }

        var what = (asProcess, asNetwork) switch
        {
            (true, true) => "a role, resource, region or link",
            (true, false) => "a role, resource or region",
            _ => "a region, a pair of regions or a link",
        };
        var where = _topology is null ? string.Empty : $" of topology `{_topology.Name}`";
        var known = new List<string>();
        if (asProcess)
        {
            known.Add("roles: " + string.Join(", ", FaultTargets.Roles));
        }

        if (_topology is null)
        {
            known.Add("names " + Names.Rule);
        }
        else
        {
            known.Add("regions: " + string.Join(", ", _topology.Regions));
            if (asProcess && _topology.Resources.Count > 0)
            {
                known.Add("resources: " + string.Join(", ", _topology.Resources));
            }
        }

        if (asNetwork)
        {
            known.Add("a link reads eu-us or eu->us:postgres");
        }

        _errors.Add(path, $"`{target}` is not {what}{where}", Suggestions.DidYouMean(target, candidates) ?? string.Join("; ", known));
    }

    private bool IsProcessTarget(string target) =>
        _topology is null
            ? Names.IsValid(target)
            : FaultTargets.Roles.Contains(target) || _topology.Resources.Contains(target) || _topology.Regions.Contains(target);

    private bool IsNetworkTarget(string target)
    {
        if (_topology is not null && _topology.Regions.Contains(target))
        {
            return true;
        }

        if (FaultTargets.TryParseLink(target, out var from, out var to, out _))
        {
            return (from == FaultTargets.AnyRegion || IsRegion(from)) && IsRegion(to);
        }

        if (RegionPair.TryParse(target, out var pair))
        {
            return IsRegion(pair.First) && IsRegion(pair.Second);
        }

        return _topology is null && Names.IsValid(target);
    }

    private bool IsRegion(string name) => _topology is null ? Names.IsValid(name) : _topology.Regions.Contains(name);

    private void CheckThreshold(Threshold threshold, string path)
    {
        if (threshold.Workload is { } workload)
        {
            var named = _scenario.Workloads.Where(w => w.Name == workload).ToList();
            if (named.Count == 0)
            {
                var names = _scenario.Workloads.Select(w => w.Name).Where(n => n.Length > 0).Distinct().ToList();
                _errors.Add(
                    path,
                    $"`{threshold.Metric}` refers to no workload: there is no workload named `{workload}`",
                    Suggestions.DidYouMean(workload, names) ?? (names.Count > 0 ? "workloads: " + string.Join(", ", names) : null));
            }
            else if (threshold.Region is { } region && named.All(w => w.Region != region))
            {
                _errors.Add(
                    path,
                    $"`{threshold.Metric}` refers to no workload: `{workload}` does not run in region `{region}`",
                    $"it runs in {string.Join(", ", named.Select(w => w.Region).Distinct())}");
            }
        }

        if (threshold.Window is { } window && HasDuration && window > _scenario.Duration)
        {
            _errors.Add(path, $"the window of {DurationParser.Format(window)} is longer than the {RunLength} run", "use a shorter window");
        }
    }

    private bool CheckName(string name, string field, string missing, string example)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            _errors.Add(field, missing, example);
            return false;
        }

        if (!Names.IsValid(name))
        {
            _errors.Add(field, $"`{name}` is not a valid name", Names.Rule);
            return false;
        }

        return true;
    }

    /// <summary>Whether <paramref name="tenant"/> is one of the topology's (or no topology is known), after reporting why not.</summary>
    private bool CheckTenant(string tenant, string field)
    {
        if (!Names.IsValid(tenant))
        {
            _errors.Add(field, $"`{tenant}` is not a tenant name", Names.Rule);
        }
        else if (_topology is { Tenants.Count: 0 })
        {
            _errors.Add(field, $"topology `{_topology.Name}` serves one database and has no tenants", "remove tenant, or use a topology with tenants (multi-tenant-shared, dedicated-tenant, regional-segmented)");
        }
        else if (_topology is not null && !_topology.Tenants.Contains(tenant, StringComparer.Ordinal))
        {
            _errors.Add(
                field,
                $"tenant `{tenant}` is not a tenant of topology `{_topology.Name}`",
                Suggestions.DidYouMean(tenant, _topology.Tenants) ?? "tenants: " + string.Join(", ", _topology.Tenants));
        }
        else
        {
            return true;
        }

        return false;
    }

    /// <summary>A tenant is worked in from its own region: only that region's Odoo nodes serve it (data residency).</summary>
    private void CheckTenantServedIn(string tenant, string region, string field)
    {
        if (_topology is not null && _topology.TenantRegions.TryGetValue(tenant, out var home) && home != region && _topology.Regions.Contains(region))
        {
            var local = _topology.TenantRegions.Where(t => t.Value == region).Select(t => t.Key).ToList();
            _errors.Add(
                field,
                $"tenant `{tenant}` lives in region `{home}`: only {home}'s Odoo nodes serve it, not {region}'s",
                local.Count > 0 ? $"set region: {home}, or pick a tenant of {region}: {string.Join(", ", local)}" : $"set region: {home}");
        }
    }

    private void CheckRegion(string region, string field, string what)
    {
        if (_topology is not null && !_topology.Regions.Contains(region))
        {
            _errors.Add(
                field,
                $"{what} is not a region of topology `{_topology.Name}`",
                Suggestions.DidYouMean(region, _topology.Regions) ?? "regions: " + string.Join(", ", _topology.Regions));
        }
    }

    private void CheckPositive(int? value, string field, string what)
    {
        if (value <= 0)
        {
            _errors.Add(field, $"{what} must be above zero");
        }
    }
}
