namespace Simulator.AppHost.ControlRoom;

/// <summary>A fault a control-room action set about or undid, named as a run's fault timeline names it.</summary>
/// <param name="Kind">The scenario's fault kind: <c>partition</c>, <c>latency</c>, <c>pause</c> or <c>kill</c>.</param>
/// <param name="Target">A region (network faults) or a resource (process faults).</param>
public sealed record ControlRoomFault(string Kind, string Target);
