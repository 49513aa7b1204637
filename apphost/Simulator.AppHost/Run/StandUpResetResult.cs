namespace Simulator.AppHost.Run;

/// <summary>What a <see cref="StandUpReset"/> took and left.</summary>
/// <param name="Duration">From the first heal until the stand-up was whole again.</param>
/// <param name="Leader">The Patroni node leading then; null without Patroni.</param>
public sealed record StandUpResetResult(TimeSpan Duration, string? Leader);
