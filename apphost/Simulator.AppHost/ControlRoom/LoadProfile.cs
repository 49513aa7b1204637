using Simulator.Load.Odoo;
using Simulator.Scenarios;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// A named load the control room can start on a running topology: an order import at a constant rate on every
/// region's ingress, bounded in time (it stops by itself, or on <c>stop load</c>).
/// </summary>
/// <param name="Name">The name offered in the dashboard, e.g. <c>light-import</c>.</param>
/// <param name="Description">One line saying what it does.</param>
/// <param name="RatePerRegion">Orders per second started on each region's ingress.</param>
/// <param name="Duration">How long it runs unless stopped.</param>
/// <param name="Lines">How many lines each order has.</param>
public sealed record LoadProfile(string Name, string Description, double RatePerRegion, TimeSpan Duration, IntRange Lines)
{
    /// <summary>
    /// The profile as a scenario on <paramref name="regions"/>: one <c>order-import</c> workload per region, so the
    /// load engine runs it exactly as it runs a scenario file's.
    /// </summary>
    /// <param name="regions">The topology's regions.</param>
    /// <returns>The scenario.</returns>
    public Scenario ToScenario(IEnumerable<string> regions) => new()
    {
        Name = Name,
        Description = Description,
        Duration = Duration,
        Workloads = [.. regions.Select(region => new Workload
        {
            Name = OrderImportWorkload.DefaultName,
            Region = region,
            Model = WorkloadModel.ConstantRate,
            Rate = new Rate(RatePerRegion),
            Lines = Lines,
        })],
    };
}
