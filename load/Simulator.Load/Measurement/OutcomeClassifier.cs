namespace Simulator.Load.Measurement;

/// <summary>Turns an exception that ended an iteration or operation into an outcome and an error kind.</summary>
internal static class OutcomeClassifier
{
    /// <summary>The error kind of an iteration still running when the run gave up on it.</summary>
    public const string Abandoned = "abandoned";

    public static (Outcome Outcome, string ErrorKind) Classify(Exception exception, CancellationToken abandonToken) => exception switch
    {
        WorkloadException workload => (workload.Outcome, workload.ErrorKind),
        OperationCanceledException when abandonToken.IsCancellationRequested => (Outcome.Unknown, Abandoned),
        OperationCanceledException or TimeoutException => (Outcome.Unknown, "timeout"),
        _ => (Outcome.Failed, exception.GetType().Name),
    };
}
