using Microsoft.Extensions.DependencyInjection;

namespace Simulator.AppHost.Run;

/// <summary>
/// Copies every resource's console output into <c>logs/&lt;resource&gt;.log</c> and keeps its last
/// lines, so a resource that fails to start can be explained with its own words. A stand-up a suite's runs share
/// moves its logs into each run's own folder as the run begins (<see cref="MoveToAsync"/>).
/// </summary>
public sealed class ResourceLogCollector : IAsyncDisposable
{
    private const int TailLines = 30;
    private readonly Dictionary<string, Queue<string>> _tails = new(StringComparer.Ordinal);
    private readonly List<Task> _pumps = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IReadOnlyList<ResourceLog> _logs;
    private readonly Task _follower;
    private readonly Lock _talliesGate = new();
    private volatile LogLineTally[] _tallies = [];
    private string _directory;

    /// <summary>Starts copying the logs of <paramref name="resources"/> into <paramref name="directory"/>.</summary>
    public ResourceLogCollector(DistributedApplication app, IEnumerable<IResource> resources, string directory)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(resources);
        Directory.CreateDirectory(directory);
        _directory = Path.GetFullPath(directory);
        var logger = app.Services.GetRequiredService<ResourceLoggerService>();
        var writers = new Dictionary<IResource, ResourceLog>();
        foreach (var resource in resources)
        {
            var tail = new Queue<string>();
            _tails[resource.Name] = tail;
            var name = resource.Name;
            writers[resource] = new ResourceLog(new RunLogFile(directory, name), tail, line => Observe(name, line));
        }

        _logs = [.. writers.Values];
        _follower = FollowAsync(app.ResourceNotifications, logger, writers, _pumps, _stop.Token);
    }

    /// <summary>The last lines a resource wrote, oldest first.</summary>
    public IReadOnlyList<string> Tail(string resourceName)
    {
        if (!_tails.TryGetValue(resourceName, out var tail))
        {
            return [];
        }

        lock (tail)
        {
            return [.. tail];
        }
    }

    /// <summary>
    /// Starts counting, per resource, the lines <paramref name="classify"/> gives a kind (null: not counted) until the
    /// tally is disposed; lines logged before the start are not counted.
    /// </summary>
    public LogLineTally StartTally(Func<string, string?> classify)
    {
        ArgumentNullException.ThrowIfNull(classify);
        var tally = new LogLineTally(classify) { Stopped = Remove };
        lock (_talliesGate)
        {
            _tallies = [.. _tallies, tally];
        }

        return tally;
    }

    /// <summary>
    /// Writes every resource's lines stamped from <paramref name="from"/> on into <paramref name="directory"/> instead
    /// (a file each, appended to); what was written before stays where it was, and earlier lines still arriving go
    /// there too. Nothing happens when the logs go there already.
    /// </summary>
    public async Task MoveToAsync(string directory, DateTimeOffset from)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var target = Path.GetFullPath(directory);
        if (string.Equals(target, _directory, StringComparison.Ordinal))
        {
            return;
        }

        Directory.CreateDirectory(target);
        foreach (var log in _logs)
        {
            await log.File.MoveToAsync(target, from);
        }

        _directory = target;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _follower;
        Task[] pumps;
        lock (_pumps)
        {
            pumps = [.. _pumps];
        }

        await Task.WhenAll(pumps);
        foreach (var log in _logs)
        {
            await log.File.DisposeAsync();
        }

        _stop.Dispose();
    }

    private void Remove(LogLineTally tally)
    {
        lock (_talliesGate)
        {
            _tallies = [.. _tallies.Where(t => t != tally)];
        }
    }

    private void Observe(string resource, string line)
    {
        // Read once: a tally started or stopped meanwhile takes effect from the next line.
        foreach (var tally in _tallies)
        {
            tally.Offer(resource, line);
        }
    }

    /// <summary>
    /// Aspire keys a resource's log stream by its instance id (<c>eu-redis-abcd1234</c>), known only once the
    /// orchestrator created it; so every id a resource's notifications carry gets a pump into its one file.
    /// </summary>
    private static async Task FollowAsync(
        ResourceNotificationService notifications,
        ResourceLoggerService logger,
        Dictionary<IResource, ResourceLog> logs,
        List<Task> pumps,
        CancellationToken cancellationToken)
    {
        var followed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                if (logs.TryGetValue(update.Resource, out var log) && followed.Add(update.ResourceId))
                {
                    lock (pumps)
                    {
                        pumps.Add(PumpAsync(logger, update.ResourceId, log, cancellationToken));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task PumpAsync(ResourceLoggerService logger, string resourceId, ResourceLog log, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logger.WatchAsync(resourceId).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    await log.WriteAsync(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One resource's log file and tail, shared by the pumps of its instance ids.</summary>
    private sealed class ResourceLog(RunLogFile file, Queue<string> tail, Action<string> observe)
    {
        public RunLogFile File { get; } = file;

        public async Task WriteAsync(string line)
        {
            await File.WriteAsync(line);
            observe(line);
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }
    }
}
