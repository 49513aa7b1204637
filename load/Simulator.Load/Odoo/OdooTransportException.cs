using Simulator.Load.Measurement;

namespace Simulator.Load.Odoo;

/// <summary>
/// A JSON-RPC call got no usable answer. When the request provably never reached the server (name resolution or
/// connection refused, a 503/429) the outcome is <see cref="Outcome.Failed"/>; when it may have been processed
/// (timeout, connection lost after sending, a gateway error, a garbled answer) it is <see cref="Outcome.Unknown"/>.
/// </summary>
public sealed class OdooTransportException : WorkloadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorKind">A short error name, for example <c>timeout</c> or <c>http-502</c>.</param>
    /// <param name="outcomeUnknown">Whether the server may have processed the request.</param>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status code, when a response came.</param>
    /// <param name="innerException">The cause, if any.</param>
    public OdooTransportException(string errorKind, bool outcomeUnknown, string message, int? statusCode = null, Exception? innerException = null)
        : base(errorKind, outcomeUnknown, message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code, when a response came.</summary>
    public int? StatusCode { get; }

    /// <summary>No usable answer came: a server down, restarting or overloaded may answer the next call.</summary>
    public override bool Transient => true;
}
