using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Security;

namespace Simulator.OdooEmulator.Rpc.Services;

/// <summary>
/// Odoo's <c>object</c> service (<c>odoo/service/model.py</c>): <c>execute_kw</c> and
/// <c>execute</c>. Credentials are checked first, then the model and method are resolved, then the
/// method runs in one REPEATABLE READ transaction, retried on concurrency failures.
/// </summary>
internal sealed class ObjectService(Credentials credentials, ModelExecutor executor) : IRpcService
{
    private static readonly string[] ExecuteKwParameters = ["obj", "method", "args", "kw"];

    public string Name => "object";

    public async Task<JsonNode?> DispatchAsync(string method, JsonArray args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count < 3)
        {
            throw new OdooException("builtins.IndexError", "tuple index out of range");
        }

        credentials.Check(PyValues.AsString(args[0]), PyValues.ToInt64(args[1]), PyValues.AsString(args[2]));
        var uid = PyValues.ToId(args[1]);
        var rest = args.Skip(3).ToList();
        JsonNode? modelArg;
        JsonNode? methodArg;
        JsonArray callArgs;
        JsonObject callKwargs;
        switch (method)
        {
            case "execute_kw":
                var bound = CallArguments.Bind("execute_kw", rest, [], ExecuteKwParameters, 3, isMethod: false);
                (modelArg, methodArg) = (bound[0], bound[1]);
                callArgs = bound[2] as JsonArray
                    ?? throw OdooException.TypeError($"argument after * must be an iterable, not {PyValues.PyTypeName(bound[2])}");
                callKwargs = PyValues.IsFalseOrNull(bound[3])
                    ? []
                    : bound[3] as JsonObject
                      ?? throw OdooException.TypeError($"argument after ** must be a mapping, not {PyValues.PyTypeName(bound[3])}");
                break;
            case "execute":
                if (rest.Count < 2)
                {
                    CallArguments.Bind("execute", rest, [], ExecuteKwParameters[..2], 2, isMethod: false);
                }

                (modelArg, methodArg) = (rest[0], rest[1]);
                callArgs = new JsonArray(rest.Skip(2).Select(node => node?.DeepClone()).ToArray());
                callKwargs = [];
                break;
            default:
                throw OdooException.NameError($"Method not available {method}");
        }

        var modelName = PyValues.AsString(modelArg) ?? PyValues.Repr(modelArg);
        var methodName = PyValues.AsString(methodArg) ?? PyValues.Repr(methodArg);
        return await executor.ExecuteAsync(uid, modelName, methodName, callArgs, callKwargs, cancellationToken);
    }
}
