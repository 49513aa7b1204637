namespace Simulator.Load.Measurement;

/// <summary>
/// An error a workload raises to tell the engine how an iteration ended and why. Any other exception escaping an
/// iteration is counted as <see cref="Outcome.Failed"/> under its type name.
/// </summary>
public class WorkloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorKind">A short, stable error name for counting (not a free-text message).</param>
    /// <param name="outcomeUnknown">Whether the request may have been processed (see <see cref="Outcome.Unknown"/>).</param>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public WorkloadException(string errorKind, bool outcomeUnknown, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorKind = errorKind;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>Creates the exception with a generic kind.</summary>
    public WorkloadException()
        : this("workload-error", false, "The workload reported an error.")
    {
    }

    /// <summary>Creates the exception with a generic kind.</summary>
    /// <param name="message">The message.</param>
    public WorkloadException(string message)
        : this("workload-error", false, message)
    {
    }

    /// <summary>Creates the exception with a generic kind.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkloadException(string message, Exception innerException)
        : this("workload-error", false, message, innerException)
    {
    }

    /// <summary>A short, stable error name, counted per workload in the report.</summary>
    public string ErrorKind { get; }

    /// <summary>Whether the request may have been processed even though no answer came.</summary>
    public bool OutcomeUnknown { get; }

    /// <summary>
    /// Whether the same call may well succeed a moment later: the server or its database was unreachable or restarting
    /// (a workload's setup tries again on these: <see cref="WorkloadSetup"/>), rather than refusing the call itself.
    /// </summary>
    public virtual bool Transient => false;

    /// <summary>The outcome this error stands for.</summary>
    public Outcome Outcome => OutcomeUnknown ? Outcome.Unknown : Outcome.Failed;
}
