using System.Diagnostics;
using Simulator.Chaos.Processes;

namespace Simulator.Chaos.Tests.Processes;

/// <summary>
/// A bash script run as a child process, counting the lines it prints. Disposing kills it and every descendant
/// ever seen, paused or not, so no test leaves a process behind even when it fails.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly HashSet<int> _seen = [];
    private int _lines;

    private ChildProcess(Process process)
    {
        _process = process;
        _seen.Add(process.Id);
    }

    public int Pid => _process.Id;

    public int Lines => Volatile.Read(ref _lines);

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string script)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Interlocked.Increment(ref child._lines);
            }
        };
        process.BeginOutputReadLine();
        return child;
    }

    /// <summary>The descendants now (and remembers them for clean-up).</summary>
    public IReadOnlyList<int> Descendants()
    {
        var descendants = ProcessTable.Descendants([Pid]);
        lock (_seen)
        {
            _seen.UnionWith(descendants);
        }

        return descendants;
    }

    public Task<IReadOnlyList<int>> ResolveAsync(string resource, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<int>>(resource == "child" ? [Pid] : throw new KeyNotFoundException($"unknown resource {resource}"));

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(10)), $"timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    public Task WaitForLinesAsync(int atLeast) => WaitUntilAsync(() => Lines >= atLeast, $"{atLeast} lines were printed");

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public void Dispose()
    {
        Descendants();
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        lock (_seen)
        {
            foreach (var pid in _seen)
            {
                Posix.Signal(pid, Posix.SigKill);
            }
        }

        _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
