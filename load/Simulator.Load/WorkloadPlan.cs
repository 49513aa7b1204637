using Simulator.Load.Scheduling;

namespace Simulator.Load;

/// <summary>One workload of a <see cref="LoadPlan"/>: what to call it, where it runs and how it is paced.</summary>
/// <param name="Name">The workload's name as reports show it, for example <c>order-import</c>.</param>
/// <param name="Region">The region it runs against, for example <c>eu</c>.</param>
/// <param name="Model">
/// Its pacing: an open model (<see cref="ConstantRate"/>, <see cref="RampingRate"/>), a closed model
/// (<see cref="ConstantConcurrency"/>, <see cref="RampingConcurrency"/>), <see cref="Pause"/>, or a
/// <see cref="PhasedLoad"/> of these run one after another.
/// </param>
public sealed record WorkloadPlan(string Name, string Region, LoadModel Model)
{
    /// <summary>The tenant (Odoo database) it works in, for reports' per-tenant breakdown; <see langword="null"/> when the topology has one database.</summary>
    public string? Tenant { get; init; }

    /// <summary>The default for <see cref="MaxInFlight"/>.</summary>
    public const int DefaultMaxInFlight = 100;

    /// <summary>
    /// The default for <see cref="MaxStartLag"/>: 100 ms. Long enough to absorb timer resolution, thread-pool and
    /// GC hiccups on a 2-core machine without dropping; short next to the latency SLOs scenarios set (hundreds of ms
    /// to seconds), and any lag that is allowed still shows in the corrected latency.
    /// </summary>
    public static readonly TimeSpan DefaultMaxStartLag = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// For open models, virtual users: the most iterations running at once. An arrival that finds all of them busy is
    /// dropped. Closed models run their own number of users and ignore it.
    /// </summary>
    public int MaxInFlight { get; init; } = DefaultMaxInFlight;

    /// <summary>
    /// For open models, the most an iteration may start after its intended start; later than that it is dropped, not
    /// run late.
    /// </summary>
    public TimeSpan MaxStartLag { get; init; } = DefaultMaxStartLag;
}
