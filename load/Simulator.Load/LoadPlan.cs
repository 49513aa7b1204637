using Simulator.Load.Scheduling;

namespace Simulator.Load;

/// <summary>What a load run does: its workloads, how long it schedules them and how it ends.</summary>
/// <param name="Duration">How long arrivals are scheduled, from the run's start.</param>
/// <param name="Workloads">The workloads, run side by side on one clock.</param>
public sealed record LoadPlan(TimeSpan Duration, IReadOnlyList<WorkloadPlan> Workloads)
{
    /// <summary>The default for <see cref="GracePeriod"/>: 30 s, as long as the Odoo client's default request timeout.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(30);

    /// <summary>The seed every iteration's random source derives from.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// How long, once scheduling has stopped, in-flight iterations get to finish. Those still running then are
    /// cancelled and counted as unknown outcomes (<c>abandoned</c>).
    /// </summary>
    public TimeSpan GracePeriod { get; init; } = DefaultGracePeriod;

    /// <summary>Checks the plan and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Duration <= TimeSpan.Zero)
        {
            errors.Add($"duration must be positive (was {Duration})");
        }

        if (GracePeriod < TimeSpan.Zero)
        {
            errors.Add($"grace period must not be negative (was {GracePeriod})");
        }

        if (Workloads is null || Workloads.Count == 0)
        {
            errors.Add("at least one workload is needed");
            return errors;
        }

        for (int i = 0; i < Workloads.Count; i++)
        {
            var workload = Workloads[i];
            string where = $"workload {i + 1} ({workload.Name}@{workload.Region})";
            if (string.IsNullOrWhiteSpace(workload.Name))
            {
                errors.Add($"{where}: name is required");
            }

            if (string.IsNullOrWhiteSpace(workload.Region))
            {
                errors.Add($"{where}: region is required");
            }

            if (workload.MaxInFlight < 1)
            {
                errors.Add($"{where}: max in-flight must be at least 1 (was {workload.MaxInFlight})");
            }

            if (workload.MaxStartLag < TimeSpan.Zero)
            {
                errors.Add($"{where}: max start lag must not be negative (was {workload.MaxStartLag})");
            }

            if (workload.Model is null)
            {
                errors.Add($"{where}: a model is required");
                continue;
            }

            errors.AddRange(workload.Model.Validate().Select(e => $"{where}: {e}"));
            if (workload.Model is PhasedLoad phased && phased.Phases?.Count > 0 && phased.TotalDuration > Duration)
            {
                errors.Add($"{where}: the phases last {phased.TotalDuration}, longer than the run's duration {Duration}");
            }
        }

        return errors;
    }
}
