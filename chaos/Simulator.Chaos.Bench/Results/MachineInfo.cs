namespace Simulator.Chaos.Bench;

/// <summary>Where the figures come from: a benchmark on two shared cores says little without it.</summary>
/// <param name="Cores">Logical processors.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="Os">The operating system.</param>
/// <param name="LoadAverageStart">The 1, 5 and 15 minute load averages at the start (Linux), or null.</param>
/// <param name="LoadAverageEnd">The same at the end.</param>
internal sealed record MachineInfo(int Cores, string Runtime, string Os, double[]? LoadAverageStart, double[]? LoadAverageEnd);
