namespace Simulator.Scenarios;

/// <summary>
/// One stream of load in one region, for example
/// <c>{ name: order-import, region: eu, model: constant-rate, rate: 20/s, lines: 5..30 }</c>.
/// The pair (<see cref="Name"/>, <see cref="Region"/>) is unique within a scenario.
/// </summary>
public sealed record Workload
{
    private readonly string? _kind;

    /// <summary>The workload's name; thresholds refer to it (<c>order-import.p99</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// What the workload does, which decides the <see cref="Parameters"/> it accepts, such as
    /// <c>order-import</c> or <c>warehouse-scan</c>. Defaults to <see cref="Name"/>.
    /// </summary>
    public string Kind
    {
        get => _kind ?? Name;
        init => _kind = value;
    }

    /// <summary>The region whose entry point the load goes to.</summary>
    public required string Region { get; init; }

    /// <summary>
    /// The tenant (the Odoo database) the workload works in, on a topology serving several (<c>tenant: acme</c>);
    /// <see langword="null"/> for the topology's only or first database.
    /// </summary>
    public string? Tenant { get; init; }

    /// <summary>How the load is generated; <see cref="WorkloadModel.Unspecified"/> when the workload has <see cref="Phases"/>.</summary>
    public WorkloadModel Model { get; init; }

    /// <summary>The arrival rate for <c>constant-rate</c>; the starting rate for <c>ramping-rate</c> (zero when absent).</summary>
    public Rate? Rate { get; init; }

    /// <summary>The stages of a ramping model, in order; empty for constant models.</summary>
    public IReadOnlyList<RampStage> Stages { get; init; } = [];

    /// <summary>The number of users for <c>constant-concurrency</c>; the starting number for <c>ramping-concurrency</c> (zero when absent).</summary>
    public int? Concurrency { get; init; }

    /// <summary>The pause a user takes between iterations; zero when absent.</summary>
    public TimeSpan ThinkTime { get; init; }

    /// <summary>How many lines each order (or picking) holds, drawn uniformly from the range; <see langword="null"/> for the workload's default.</summary>
    public IntRange? Lines { get; init; }

    /// <summary>For open models: how many virtual users to prepare before the run starts; <see langword="null"/> for the engine's default.</summary>
    public int? PreAllocatedUsers { get; init; }

    /// <summary>For open models: the most virtual users the engine may use; arrivals beyond it are dropped. <see langword="null"/> for the engine's default.</summary>
    public int? MaxUsers { get; init; }

    /// <summary>
    /// Models run one after another (<c>phases:</c>), each with its own model keys; empty when the workload
    /// has one model of its own (<see cref="Model"/>, <see cref="Rate"/>, <see cref="Stages"/>,
    /// <see cref="Concurrency"/>, <see cref="ThinkTime"/>).
    /// </summary>
    public IReadOnlyList<WorkloadPhase> Phases { get; init; } = [];

    /// <summary>
    /// What the workload runs, as phases: <see cref="Phases"/>, or, without them, one phase lasting
    /// the whole run made of the workload's own model keys.
    /// </summary>
    public IReadOnlyList<WorkloadPhase> Pacing => Phases.Count > 0
        ? Phases
        : [new WorkloadPhase { Model = Model, Rate = Rate, Stages = Stages, Concurrency = Concurrency, ThinkTime = ThinkTime }];

    /// <summary>True when the workload, or one of its phases, uses an open model (an arrival rate).</summary>
    public bool HasOpenModel => Pacing.Any(p => p.Model.IsOpen());

    /// <summary>
    /// Keys specific to the workload's <see cref="Kind"/>, as written (for example
    /// <c>customers: 500</c>). The loader accepts only the keys the kind declares and checks their
    /// format; read them with <see cref="DurationParser"/>, <see cref="Scenarios.Rate"/> or <see cref="IntRange"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>().AsReadOnly();

    /// <summary>The total time the stages take.</summary>
    public TimeSpan StagesDuration => Stages.Aggregate(TimeSpan.Zero, (total, stage) => total + stage.Over);
}
