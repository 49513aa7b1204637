using System.Globalization;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// Waits for killed processes to leave the process table. A killed process whose parent died first is a zombie until
/// init reaps it, which on some machines takes seconds; PostgreSQL refuses to start while the PID in its
/// <c>postmaster.pid</c> still exists, even as a zombie, so a killed node can only be started again after that.
/// </summary>
public static class ReapedProcesses
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Returns the PIDs still in <c>/proc</c> after waiting up to <paramref name="timeout"/> (empty once every one is gone).</summary>
    /// <param name="pids">The processes killed.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The PIDs still there.</returns>
    public static async Task<IReadOnlyList<int>> WaitAsync(IReadOnlyList<int> pids, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pids);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        while (true)
        {
            var left = pids.Where(p => Directory.Exists("/proc/" + p.ToString(CultureInfo.InvariantCulture))).ToList();
            if (left.Count == 0 || time.GetElapsedTime(started) >= timeout)
            {
                return left;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }
}
