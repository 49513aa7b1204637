namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// An error that reaches the client the way Odoo reports it: under the qualified name of the
/// Python exception Odoo would raise (<c>odoo.exceptions.AccessDenied</c>, <c>builtins.ValueError</c>,
/// <c>psycopg2.OperationalError</c>, ...), with the same message text where the emulator knows it.
/// </summary>
internal sealed class OdooException : Exception
{
    public OdooException()
        : this("builtins.Exception", "Odoo Server Error")
    {
    }

    public OdooException(string message)
        : this("builtins.Exception", message)
    {
    }

    public OdooException(string message, Exception innerException)
        : this("builtins.Exception", message, innerException)
    {
    }

    public OdooException(string pythonType, string message, Exception? innerException = null, IReadOnlyList<string>? arguments = null)
        : base(message, innerException)
    {
        PythonType = pythonType;
        Arguments = arguments ?? [message];
    }

    /// <summary>Qualified Python class name, as in <c>serialize_exception</c>'s <c>name</c>.</summary>
    public string PythonType { get; }

    /// <summary>The exception's <c>args</c> tuple.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public static OdooException AccessDenied() => new("odoo.exceptions.AccessDenied", "Access Denied");

    public static OdooException AccessError(string message) => new("odoo.exceptions.AccessError", message);

    public static OdooException UserError(string message) => new("odoo.exceptions.UserError", message);

    public static OdooException ValidationError(string message, Exception? inner = null) =>
        new("odoo.exceptions.ValidationError", message, inner);

    public static OdooException MissingError(string message) => new("odoo.exceptions.MissingError", message);

    public static OdooException ValueError(string message) => new("builtins.ValueError", message);

    public static OdooException TypeError(string message) => new("builtins.TypeError", message);

    public static OdooException AttributeError(string message) => new("builtins.AttributeError", message);

    public static OdooException NameError(string message) => new("builtins.NameError", message);

    /// <summary>Python's <c>str(KeyError(k))</c> is the key's repr; its args hold the bare key.</summary>
    public static OdooException KeyError(string key) => new("builtins.KeyError", $"'{key}'", null, [key]);

    public static OdooException Generic(string message) => new("builtins.Exception", message);

    /// <summary>What psycopg2 raises when the server cannot be reached or drops the connection.</summary>
    public static OdooException OperationalError(string message, Exception? inner = null) =>
        new("psycopg2.OperationalError", message, inner);

    /// <summary>What werkzeug raises for a request body that is not JSON-RPC.</summary>
    public static OdooException BadRequest(string message) => new("werkzeug.exceptions.BadRequest", message);
}
