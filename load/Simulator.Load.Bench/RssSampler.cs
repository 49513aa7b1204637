using System.Globalization;

namespace Simulator.Load.Bench;

/// <summary>Samples this process's resident set size (<c>VmRSS</c> in <c>/proc/self/status</c>) on a period, keeping the maximum.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _max;
    private long _first = -1;
    private long _last;
    private int _disposed;

    public RssSampler(TimeSpan period)
    {
        Sample();
        _loop = LoopAsync(period);
    }

    /// <summary>The largest RSS seen, in bytes.</summary>
    public long MaxBytes => Interlocked.Read(ref _max);

    /// <summary>The first RSS seen, in bytes.</summary>
    public long FirstBytes => Interlocked.Read(ref _first);

    /// <summary>The latest RSS seen, in bytes.</summary>
    public long LastBytes => Interlocked.Read(ref _last);

    /// <summary>The RSS now, in bytes; 0 where <c>/proc</c> is not available.</summary>
    public static long Current()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux: no figure.
        }

        return 0;
    }

    /// <summary>Bytes as MiB, two decimals.</summary>
    public static double Mib(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 2);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        Sample();
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan period)
    {
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            Sample();
        }
    }

    private void Sample()
    {
        long rss = Current();
        Interlocked.CompareExchange(ref _first, rss, -1);
        Interlocked.Exchange(ref _last, rss);
        long seen;
        while (rss > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, rss, seen) != seen)
        {
        }
    }
}
