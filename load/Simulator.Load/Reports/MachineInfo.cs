using System.Runtime.InteropServices;

namespace Simulator.Load.Reports;

/// <summary>The machine a run measured on; figures from a 2-core CI box and a laptop are not comparable without it.</summary>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Dotnet">The .NET runtime the load engine ran on.</param>
public sealed record MachineInfo(int Cores, string? Os = null, string? Dotnet = null)
{
    /// <summary>Describes the machine this process runs on.</summary>
    /// <returns>Its core count, operating system and .NET runtime.</returns>
    public static MachineInfo Current() => new(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);
}
