using Simulator.Load.Measurement;

namespace Simulator.Load.Odoo;

/// <summary>
/// Odoo answered a JSON-RPC call with an error object. The server processed the call and refused it, so the
/// outcome is <see cref="Outcome.Failed"/>; the error kind is the Odoo exception's name
/// (for example <c>odoo.exceptions.ValidationError</c>).
/// </summary>
public sealed class OdooRpcException : WorkloadException
{
    /// <summary>Creates the exception from the parts of Odoo's error object.</summary>
    /// <param name="name">The Odoo exception's name (<c>error.data.name</c>), if given.</param>
    /// <param name="message">The top-level message (<c>error.message</c>, usually "Odoo Server Error").</param>
    /// <param name="code">The JSON-RPC error code (<c>error.code</c>).</param>
    /// <param name="dataMessage">The exception's own message (<c>error.data.message</c>), if given.</param>
    /// <param name="debug">The server-side traceback (<c>error.data.debug</c>), if given.</param>
    public OdooRpcException(string? name, string message, int code, string? dataMessage, string? debug)
        : base(name ?? "odoo-error", false, $"{name ?? "Odoo error"}: {dataMessage ?? message}")
    {
        OdooName = name;
        ServerMessage = message;
        Code = code;
        OdooMessage = dataMessage ?? message;
        Debug = debug;
    }

    /// <summary>The Odoo exception's name (<c>error.data.name</c>), for example <c>odoo.exceptions.AccessError</c>.</summary>
    public string? OdooName { get; }

    /// <summary>The top-level message (<c>error.message</c>).</summary>
    public string ServerMessage { get; }

    /// <summary>The JSON-RPC error code (<c>error.code</c>; Odoo uses 200 for server errors, 100 for session expiry).</summary>
    public int Code { get; }

    /// <summary>The most specific message Odoo gave (<c>error.data.message</c>, else <c>error.message</c>).</summary>
    public string OdooMessage { get; }

    /// <summary>The server-side traceback, if Odoo sent it.</summary>
    public string? Debug { get; }

    /// <summary>
    /// Odoo lost its database connection, or reached a node that no longer leads (the server shut down, restarted or
    /// was switched over under it), which the next call on a fresh connection need not meet; Odoo's own errors are not.
    /// </summary>
    public override bool Transient => OdooName is not null && ConnectionErrors.Contains(OdooName);

    // psycopg2's names for them: the emulator's generic one, and the specific classes real Odoo reports (57P01..57P03,
    // 25006, a closed connection).
    private static readonly HashSet<string> ConnectionErrors = new(StringComparer.Ordinal)
    {
        "psycopg2.OperationalError",
        "psycopg2.InterfaceError",
        "psycopg2.errors.AdminShutdown",
        "psycopg2.errors.CrashShutdown",
        "psycopg2.errors.CannotConnectNow",
        "psycopg2.errors.ReadOnlySqlTransaction",
    };
}
