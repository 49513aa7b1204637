using Simulator.Load.Scheduling;

namespace Simulator.Load;

/// <summary>
/// The load engine's entry point. A run initializes every workload, starts one clock, runs each workload's model on
/// it — open models schedule arrivals at absolute offsets (dropping, never delaying, those that cannot start on time),
/// closed models keep their virtual users looping, phases run in sequence — measures
/// every iteration and operation, records acknowledged writes in the ledger, and stops by itself at the plan's
/// duration. In-flight iterations then get the plan's grace period; those still running after it are cancelled
/// and counted as unknown outcomes.
/// </summary>
/// <example>
/// <code>
/// var plan = new LoadPlan(TimeSpan.FromMinutes(3), [new WorkloadPlan("order-import", "eu", new ConstantRate(20))]) { Seed = 42 };
/// using var ledger = LedgerWriter.Open(Path.Combine(outDir, LedgerWriter.FileName));
/// var result = await LoadRun.RunAsync(plan, [orderImport], new LoadRunOptions { Ledger = ledger }, TimeProvider.System, ct);
/// </code>
/// </example>
public static class LoadRun
{
    /// <summary>Runs <paramref name="plan"/> without a ledger or progress reporting.</summary>
    /// <param name="plan">The plan; <see cref="LoadPlan.Validate"/> must find no problem.</param>
    /// <param name="workloads">The workloads, paired by index with <see cref="LoadPlan.Workloads"/>.</param>
    /// <param name="timeProvider">The clock everything is scheduled and measured on.</param>
    /// <param name="cancellationToken">Stops scheduling; see <see cref="RunAsync(LoadPlan, IReadOnlyList{IWorkload}, LoadRunOptions, TimeProvider, CancellationToken)"/>.</param>
    /// <returns>What was measured.</returns>
    public static Task<LoadRunResult> RunAsync(
        LoadPlan plan, IReadOnlyList<IWorkload> workloads, TimeProvider timeProvider, CancellationToken cancellationToken)
        => RunAsync(plan, workloads, new LoadRunOptions(), timeProvider, cancellationToken);

    /// <summary>
    /// Runs <paramref name="plan"/>. Cancelling <paramref name="cancellationToken"/> (Ctrl-C) stops scheduling at once;
    /// in-flight iterations still get the grace period, and the result holds everything measured until then, with
    /// <see cref="LoadRunResult.Cancelled"/> set. Cancellation during initialization throws instead, since nothing
    /// was measured yet.
    /// </summary>
    /// <param name="plan">The plan; <see cref="LoadPlan.Validate"/> must find no problem.</param>
    /// <param name="workloads">The workloads, paired by index with <see cref="LoadPlan.Workloads"/>.</param>
    /// <param name="options">The ledger sink and progress observer, both optional.</param>
    /// <param name="timeProvider">The clock everything is scheduled and measured on.</param>
    /// <param name="cancellationToken">Stops scheduling.</param>
    /// <returns>What was measured.</returns>
    /// <exception cref="ArgumentException">The plan is invalid or the workloads do not pair with it.</exception>
    public static async Task<LoadRunResult> RunAsync(
        LoadPlan plan,
        IReadOnlyList<IWorkload> workloads,
        LoadRunOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = plan.Validate().ToList();
        if (workloads.Count != (plan.Workloads?.Count ?? 0))
        {
            errors.Add($"{workloads.Count} workload implementations were given for {plan.Workloads?.Count ?? 0} planned workloads");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid load plan:" + Environment.NewLine + string.Join(Environment.NewLine, errors), nameof(plan));
        }

        await Task.WhenAll(workloads.Select((w, i) => WorkloadSetup.InitializeAsync(
            w, $"{plan.Workloads![i].Name}@{plan.Workloads[i].Region}", timeProvider, options.SetupRetrying, cancellationToken))).ConfigureAwait(false);

        var clock = new RunClock(timeProvider);
        options.ClockStarted?.Invoke(clock.Origin);
        int[] windows = [.. (options.Windows ?? []).Select(LoadRunOptions.WindowSeconds).Distinct()];
        var runners = plan.Workloads!.Select((p, i) => new WorkloadRunner(i, p, workloads[i], plan.Seed, clock, options.Ledger, windows) { Outcomes = options.Outcomes }).ToList();
        try
        {
            using var ticker = new IntervalTicker(clock, runners, options.Progress);
            await Task.WhenAll(StartWithoutContext(runners, plan, cancellationToken)).ConfigureAwait(false);
            ticker.Stop();
            var window = runners.Max(r => r.Window);
            return new LoadRunResult(
                clock.StartedAt,
                Math.Round(window.TotalSeconds, 3),
                cancellationToken.IsCancellationRequested,
                [.. runners.Select(r => r.Collector.ToResult(r.Window, r.Model) with { Tenant = r.Tenant })]);
        }
        finally
        {
            foreach (var runner in runners)
            {
                runner.Dispose();
            }
        }
    }

    // Iterations start inline on the scheduling loop; the first ones would otherwise run on (and capture) the
    // caller's synchronization context while later ones run on timer threads. Start every runner without one.
    private static List<Task> StartWithoutContext(List<WorkloadRunner> runners, LoadPlan plan, CancellationToken cancellationToken)
    {
        var caller = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return [.. runners.Select(r => r.RunAsync(plan.Duration, plan.GracePeriod, cancellationToken))];
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(caller);
        }
    }
}
