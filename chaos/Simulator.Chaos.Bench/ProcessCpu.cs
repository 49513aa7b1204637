using System.Diagnostics;

namespace Simulator.Chaos.Bench;

/// <summary>
/// CPU time this process spends on a measurement. Unlike throughput, CPU per unit of work hardly moves when other
/// processes compete for the cores, so it tells two ways of proxying apart on a loaded machine.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>Runs <paramref name="measure"/> and returns its result with the process's CPU time (user + system) meanwhile.</summary>
    public static async Task<(T Result, TimeSpan Cpu)> MeasureAsync<T>(Func<Task<T>> measure)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var result = await measure();
        process.Refresh();
        return (result, process.TotalProcessorTime - before);
    }
}
