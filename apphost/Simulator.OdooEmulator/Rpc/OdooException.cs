using System.Text.Json.Nodes;

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
        Arguments = (arguments ?? [message]).Select(a => (JsonNode?)JsonValue.Create(a)).ToList();
    }

    private OdooException(string pythonType, string message, IReadOnlyList<JsonNode?> arguments, int httpStatus)
        : base(message)
    {
        PythonType = pythonType;
        Arguments = arguments;
        HttpStatus = httpStatus;
    }

    /// <summary>Python name of the error Odoo raises for a call on an expired (or unknown) web session.</summary>
    public const string SessionExpiredType = "odoo.http.SessionExpiredException";

    /// <summary>Python name of werkzeug's 404.</summary>
    public const string NotFoundType = "werkzeug.exceptions.NotFound";

    /// <summary>Qualified Python class name, as in <c>serialize_exception</c>'s <c>name</c>.</summary>
    public string PythonType { get; }

    /// <summary>The exception's <c>args</c> tuple.</summary>
    public IReadOnlyList<JsonNode?> Arguments { get; }

    /// <summary>For werkzeug HTTP exceptions, their status code; 0 otherwise.</summary>
    public int HttpStatus { get; }

    /// <summary>True for <c>odoo.exceptions.UserError</c> and its subclasses (Odoo 17: all of Odoo's own exceptions but RedirectWarning).</summary>
    public bool IsUserError => PythonType is "odoo.exceptions.UserError" or "odoo.exceptions.ValidationError"
        or "odoo.exceptions.MissingError" or "odoo.exceptions.AccessError" or "odoo.exceptions.AccessDenied";

    /// <summary>The HTTP status Odoo 19's JSON-2 API answers with for this error.</summary>
    public int Json2Status => PythonType switch
    {
        _ when HttpStatus > 0 => HttpStatus,
        "odoo.exceptions.AccessDenied" or "odoo.exceptions.AccessError" or SessionExpiredType => 403,
        "odoo.exceptions.MissingError" => 404,
        _ when IsUserError => 422,
        _ => 500,
    };

    /// <summary>
    /// A werkzeug HTTP exception (<c>werkzeug.exceptions.NotFound</c>, ...): its args are
    /// <c>(description, code)</c> as Odoo's JSON-2 dispatcher serializes them.
    /// </summary>
    public static OdooException Http(string name, int status, string description) =>
        new($"werkzeug.exceptions.{name}", description, [JsonValue.Create(description), JsonValue.Create(status)], status);

    public static OdooException SessionExpired() => new(SessionExpiredType, "Session expired");

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

    /// <summary>What <c>xmlrpc.client.loads</c> raises for a document that is not an XML-RPC call.</summary>
    public static OdooException ResponseError(string message) => new("xmlrpc.client.ResponseError", message);

    /// <summary>What werkzeug raises for a request body that is not JSON-RPC.</summary>
    public static OdooException BadRequest(string message) => new("werkzeug.exceptions.BadRequest", message);
}
