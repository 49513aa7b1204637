namespace Simulator.AppHost.Native;

/// <summary>A process a run started, as <see cref="RecordedProcesses"/> keeps it.</summary>
/// <param name="Pid">Its PID.</param>
/// <param name="StartTime">Its start time in clock ticks since boot (<see cref="ProcFs.StartTime"/>).</param>
/// <param name="Name">The resource it belongs to.</param>
public sealed record RecordedProcess(int Pid, long StartTime, string Name);
