using Microsoft.Extensions.Time.Testing;

namespace Simulator.Chaos.Tests.Timeline;

/// <summary>A call a fake received, with the fake clock's offset from the run's start.</summary>
internal sealed record Call(string Action, string Target, double AtSeconds, object? Detail = null);

/// <summary>The fake run clock: a FakeTimeProvider and the run's start on it.</summary>
internal sealed class RunClock
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public long Origin { get; private set; }

    public RunClock() => Origin = Time.GetTimestamp();

    public double Now => Math.Round(Time.GetElapsedTime(Origin).TotalSeconds, 3);

    /// <summary>
    /// Advances to <paramref name="seconds"/> from the run's start in 100 ms steps (FakeTimeProvider jumps to the
    /// target before firing timers, so one big step would fire everything at its end), on a thread without xunit's
    /// synchronization context.
    /// </summary>
    public Task AdvanceToAsync(double seconds) => Task.Run(() =>
    {
        var target = TimeSpan.FromSeconds(seconds);
        var step = TimeSpan.FromMilliseconds(100);
        while (Time.GetElapsedTime(Origin) + step <= target)
        {
            Time.Advance(step);
        }

        var rest = target - Time.GetElapsedTime(Origin);
        if (rest > TimeSpan.Zero)
        {
            Time.Advance(rest);
        }
    });
}

internal sealed class FakeProcessFaults(RunClock clock) : IProcessFaults
{
    private readonly List<Call> _calls = [];

    public HashSet<string> Failing { get; } = [];

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<ProcessFaultResult> KillAsync(string resource, CancellationToken cancellationToken = default) => Do("kill", resource);

    public Task<ProcessFaultResult> PauseAsync(string resource, CancellationToken cancellationToken = default) => Do("pause", resource);

    public Task<ProcessFaultResult> ResumeAsync(string resource, CancellationToken cancellationToken = default) => Do("resume", resource);

    public Task<ProcessFaultResult> StopAsync(string resource, CancellationToken cancellationToken = default) => Do("stop", resource);

    public Task<ProcessFaultResult> StartAsync(string resource, CancellationToken cancellationToken = default) => Do("start", resource);

    private Task<ProcessFaultResult> Do(string action, string resource)
    {
        lock (_calls)
        {
            _calls.Add(new Call(action, resource, clock.Now));
        }

        return Failing.Contains(action)
            ? Task.FromException<ProcessFaultResult>(new InvalidOperationException($"{action} {resource} failed on purpose"))
            : Task.FromResult(new ProcessFaultResult(resource, action, [4242]));
    }
}

internal sealed class FakeLinkFaults(RunClock clock) : ILinkFaults
{
    private readonly List<Call> _calls = [];
    private readonly List<LinkFault> _active = [];
    private long _next;

    public bool FailHeal { get; set; }

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<LinkFault> Active
    {
        get
        {
            lock (_calls)
            {
                return [.. _active];
            }
        }
    }

    public Task<LinkFault> AddLatencyAsync(LinkTarget target, TimeSpan roundTrip, TimeSpan jitter, CancellationToken cancellationToken = default) =>
        Add("latency", target, (roundTrip, jitter));

    public Task<LinkFault> PartitionAsync(LinkTarget target, PartitionDirection direction = PartitionDirection.Both, CancellationToken cancellationToken = default) =>
        Add("partition", target, direction);

    public Task<LinkFault> TimeoutAsync(LinkTarget target, TimeSpan? after = null, CancellationToken cancellationToken = default) =>
        Add("timeout", target, after);

    public Task<LinkFault> ResetAsync(LinkTarget target, CancellationToken cancellationToken = default) => Add("reset", target, null);

    public Task HealAsync(LinkFault fault, CancellationToken cancellationToken = default)
    {
        Record("heal-fault", fault.Target.ToString(), fault.Id);
        if (FailHeal)
        {
            return Task.FromException(new ToxiproxyException("heal failed on purpose"));
        }

        lock (_calls)
        {
            _active.RemoveAll(f => f.Id == fault.Id);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LinkFault>> HealAsync(LinkTarget target, CancellationToken cancellationToken = default)
    {
        Record("heal-target", target.ToString());
        lock (_calls)
        {
            var healed = _active.Where(f => f.Target == target).ToList();
            _active.RemoveAll(healed.Contains);
            return Task.FromResult<IReadOnlyList<LinkFault>>(healed);
        }
    }

    public Task<IReadOnlyList<LinkFault>> HealAllAsync(CancellationToken cancellationToken = default)
    {
        Record("heal-all", "all");
        lock (_calls)
        {
            var healed = _active.ToList();
            _active.Clear();
            return Task.FromResult<IReadOnlyList<LinkFault>>(healed);
        }
    }

    private Task<LinkFault> Add(string kind, LinkTarget target, object? detail)
    {
        Record(kind, target.ToString(), detail);
        lock (_calls)
        {
            var fault = new LinkFault(++_next, kind, target, $"fake_{_next}", [LinkName.Parse("eu->us:postgres")]);
            _active.Add(fault);
            return Task.FromResult(fault);
        }
    }

    private void Record(string action, string target, object? detail = null)
    {
        lock (_calls)
        {
            _calls.Add(new Call(action, target, clock.Now, detail));
        }
    }
}

/// <summary>Collects progress events synchronously (Progress&lt;T&gt; would post them to a context).</summary>
internal sealed class EventLog : IProgress<FaultEvent>
{
    private readonly List<FaultEvent> _events = [];

    public IReadOnlyList<FaultEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Report(FaultEvent value)
    {
        lock (_events)
        {
            _events.Add(value);
        }
    }
}
