namespace Simulator.AppHost.Run;

/// <summary>A shared stand-up was not whole again after a run (<see cref="StandUpReset"/>): the next run needs a fresh one.</summary>
public sealed class StandUpResetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StandUpResetException()
    {
    }

    /// <summary>Creates the exception with what was still missing.</summary>
    public StandUpResetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what was still missing and its cause.</summary>
    public StandUpResetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
