using Microsoft.Extensions.DependencyInjection;

namespace Simulator.AppHost.Run;

/// <summary>
/// Copies every resource's console output into <c>logs/&lt;resource&gt;.log</c> and keeps its last
/// lines, so a resource that fails to start can be explained with its own words.
/// </summary>
public sealed class ResourceLogCollector : IAsyncDisposable
{
    private const int TailLines = 30;
    private readonly Dictionary<string, Queue<string>> _tails = new(StringComparer.Ordinal);
    private readonly List<Task> _pumps = [];
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts copying the logs of <paramref name="resources"/> into <paramref name="directory"/>.</summary>
    public ResourceLogCollector(DistributedApplication app, IEnumerable<IResource> resources, string directory)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(resources);
        Directory.CreateDirectory(directory);
        var logger = app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in resources)
        {
            var tail = new Queue<string>();
            _tails[resource.Name] = tail;
            _pumps.Add(PumpAsync(logger, resource, Path.Combine(directory, resource.Name + ".log"), tail, _stop.Token));
        }
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_pumps);
        _stop.Dispose();
    }

    private static async Task PumpAsync(
        ResourceLoggerService logger, IResource resource, string file, Queue<string> tail, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(file, append: true) { AutoFlush = true };
        try
        {
            await foreach (var batch in logger.WatchAsync(resource).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    await writer.WriteLineAsync(line.Content);
                    lock (tail)
                    {
                        tail.Enqueue(line.Content);
                        if (tail.Count > TailLines)
                        {
                            tail.Dequeue();
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
