namespace Simulator.Load.Measurement;

/// <summary>How an iteration or operation ended.</summary>
public enum Outcome
{
    /// <summary>The server answered and the work was done.</summary>
    Ok,

    /// <summary>The server answered with an error, or the request provably never reached it.</summary>
    Failed,

    /// <summary>
    /// The request was sent but no answer came (timeout, connection lost, run ended): the write may or may not
    /// have happened. Never counted as lost, never counted as kept.
    /// </summary>
    Unknown,
}
