using Simulator.Load.Measurement;

namespace Simulator.Load.Odoo;

/// <summary>Odoo refused the login (<c>common.authenticate</c> returned false), or a call needed a login that was not made.</summary>
public sealed class OdooAuthenticationException : WorkloadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public OdooAuthenticationException(string message)
        : base("authentication", false, message)
    {
    }
}
