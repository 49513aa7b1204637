using Simulator.Load.Measurement;

namespace Simulator.Load.Odoo;

/// <summary>
/// Odoo answered "Odoo Session Expired" (<c>odoo.http.SessionExpiredException</c>): the browser user was logged out,
/// for example because the session store lost its sessions. Counted as its own error kind, <c>session-expired</c>;
/// the server refused the call, so the outcome is failed.
/// </summary>
public sealed class WebSessionExpiredException : WorkloadException
{
    /// <summary>The error kind reports count it under.</summary>
    public const string Kind = "session-expired";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which call found the session gone.</param>
    /// <param name="innerException">Odoo's error.</param>
    public WebSessionExpiredException(string message, Exception innerException)
        : base(Kind, false, message, innerException)
    {
    }
}
