namespace Simulator.AppHost.Bench;

/// <summary>One region's RTO over a benchmark's runs.</summary>
/// <param name="Region">The region whose clients wrote.</param>
/// <param name="MinSeconds">The shortest RTO; null when it never recovered.</param>
/// <param name="MedianSeconds">The median over the runs where it recovered.</param>
/// <param name="MaxSeconds">The longest RTO over those runs.</param>
/// <param name="RunsNotRecovered">Runs in which the region's writes never recovered.</param>
public sealed record RegionRtoSpread(string Region, double? MinSeconds, double? MedianSeconds, double? MaxSeconds, int RunsNotRecovered);
