namespace Simulator.Chaos.Bench;

/// <summary>
/// Round trips of a small echo exchange: direct and through the proxy without toxics back to back, through the proxy
/// without toxics with requests spaced as the toxic spaces them (the baseline), and with a latency toxic; what the
/// toxic added is the difference from the baseline at the same percentile.
/// </summary>
internal sealed record LatencyResult(
    double ToxicMs,
    string ToxicStream,
    int Samples,
    int Connections,
    int PayloadBytes,
    LatencyStats Direct,
    LatencyStats BackToBack,
    LatencyStats Baseline,
    LatencyStats WithToxic,
    double AddedP50Ms,
    double AddedP99Ms,
    double ToleranceP50Ms,
    double ToleranceP99Ms)
{
    public bool PassedP50 => Math.Abs(AddedP50Ms - ToxicMs) <= ToleranceP50Ms;

    public bool PassedP99 => Math.Abs(AddedP99Ms - ToxicMs) <= ToleranceP99Ms;

    public bool Passed => PassedP50 && PassedP99;
}
