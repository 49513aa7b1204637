using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Rpc.XmlRpc;

/// <summary>
/// Odoo's XML-RPC faults (<c>odoo/addons/base/controllers/rpc.py</c>). <c>/xmlrpc/2/</c> answers
/// with int codes: 4 AccessError, 3 AccessDenied, 2 UserError (and its subclasses), 1 anything
/// else; <c>/xmlrpc/</c> with Odoo's historical string codes. Where Odoo puts a Python traceback,
/// the emulator puts only its last line (<c>ValueError: Invalid field ...</c>).
/// </summary>
internal static class XmlRpcFaults
{
    public const int ApplicationError = 1;
    public const int Warning = 2;
    public const int AccessDenied = 3;
    public const int AccessError = 4;

    /// <summary><c>xmlrpc_handle_exception_int</c>.</summary>
    public static (JsonNode Code, string String) IntFault(OdooException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.PythonType switch
        {
            "odoo.exceptions.AccessError" => (AccessError, error.Message),
            "odoo.exceptions.AccessDenied" => (AccessDenied, error.Message),
            _ when error.IsUserError => (Warning, error.Message),
            _ => (ApplicationError, TracebackTail(error)),
        };
    }

    /// <summary><c>xmlrpc_handle_exception_string</c>.</summary>
    public static (JsonNode Code, string String) StringFault(OdooException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.PythonType switch
        {
            "odoo.exceptions.MissingError" => ("warning -- MissingError\n\n" + error.Message, ""),
            "odoo.exceptions.AccessError" => ("warning -- AccessError\n\n" + error.Message, ""),
            "odoo.exceptions.AccessDenied" => ("AccessDenied", error.Message),
            _ when error.IsUserError => ("warning -- UserError\n\n" + error.Message, ""),
            _ => (error.Message, TracebackTail(error)),
        };
    }

    /// <summary>The last line of the traceback Python would print: builtins go unqualified.</summary>
    public static string TracebackTail(OdooException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var name = error.PythonType.StartsWith("builtins.", StringComparison.Ordinal) ? error.PythonType["builtins.".Length..] : error.PythonType;
        return $"{name}: {error.Message}\n";
    }
}
