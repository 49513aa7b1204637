using Simulator.OdooEmulator.Diagnostics;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// What every RPC front door (JSON-RPC, XML-RPC, JSON-2) does with a failed call: translate it
/// to the error Odoo would raise, count it and log it at a level fitting its cause.
/// </summary>
internal sealed partial class RpcErrorReporter(ExceptionTranslator translator, EmulatorMetrics metrics, ILogger<RpcErrorReporter> logger)
{
    public OdooException Report(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = translator.Translate(exception);
        metrics.CallFailed(error.PythonType);
        if (exception is OdooException)
        {
            LogCallError(error.PythonType, error.Message);
        }
        else if (error.PythonType.StartsWith("psycopg2", StringComparison.Ordinal)
            || error.PythonType.StartsWith("odoo.", StringComparison.Ordinal)
            || error.PythonType.StartsWith("redis.", StringComparison.Ordinal)
            || error.PythonType.StartsWith("botocore.", StringComparison.Ordinal))
        {
            LogBackendError(error.PythonType, error.Message);
        }
        else
        {
            LogUnexpected(exception, error.PythonType);
        }

        return error;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RPC error {Name}: {Message}")]
    private partial void LogCallError(string name, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RPC backend error {Name}: {Message}")]
    private partial void LogBackendError(string name, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "RPC failed unexpectedly, reported as {Name}")]
    private partial void LogUnexpected(Exception exception, string name);
}
