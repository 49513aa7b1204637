namespace Simulator.Load.Failover;

/// <summary>The acknowledged writes of one origin (a server and its history, e.g. <c>eu-pg-1/tl1</c>).</summary>
/// <param name="Origin">The origin, as the server named it.</param>
/// <param name="Acknowledged">Writes it acknowledged.</param>
/// <param name="FirstSeconds">When the first was acknowledged, in seconds from the run's start.</param>
/// <param name="LastSeconds">When the last was acknowledged.</param>
public sealed record WriteOrigin(string Origin, long Acknowledged, double FirstSeconds, double LastSeconds);
