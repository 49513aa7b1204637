using System.Globalization;

namespace Simulator.AppHost.ControlRoom;

/// <summary>One action taken from the control room (a dashboard command), as the event log keeps it.</summary>
/// <param name="AtSeconds">When it completed, in seconds since the log started (as <c>sim up</c> began standing the topology up).</param>
/// <param name="At">The same instant on the wall clock.</param>
/// <param name="Action">What was asked for: <c>isolate</c>, <c>add-latency</c>, <c>heal</c>, <c>kill</c>, <c>freeze</c>, <c>thaw</c>, <c>start-load</c>, <c>stop-load</c>, <c>heal-all</c>, <c>load-ended</c>.</param>
/// <param name="Target">What it was done to: a region, a resource, or the topology's name.</param>
/// <param name="Message">What was done (links, PIDs, figures) or why it failed.</param>
/// <param name="Succeeded">Whether it took effect.</param>
public sealed record ControlRoomEvent(double AtSeconds, DateTimeOffset At, string Action, string Target, string Message, bool Succeeded)
{
    /// <summary>One console line, e.g. <c>[  42.1s] isolate eu: partitioned 1 link (us-&gt;eu:postgres)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{AtSeconds,7:0.0}s] {Action} {Target}{(Succeeded ? "" : " FAILED")}: {Message}");
}
