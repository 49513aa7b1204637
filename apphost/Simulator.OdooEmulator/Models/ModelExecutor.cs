using System.Diagnostics;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Diagnostics;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>
/// Odoo's <c>call_kw</c> behind every front door (<c>execute_kw</c>, <c>/web/dataset/call_kw</c>,
/// <c>/json/2</c>): resolves model and public method, then runs it in one REPEATABLE READ
/// transaction, retried on concurrency failures, on the replica when the method only reads.
/// </summary>
internal sealed class ModelExecutor(
    ModelRegistry registry,
    TransactionRunner runner,
    OdooEmulatorOptions options,
    TimeProvider timeProvider)
{
    /// <summary>The model, or Odoo's error for an unknown one.</summary>
    public OdooModel ResolveModel(string modelName) =>
        registry.Find(modelName) ?? throw OdooException.UserError($"Object {modelName} doesn't exist");

    /// <summary>Odoo's <c>get_public_method</c>: private names are refused, unknown ones are an AttributeError.</summary>
    public static ModelMethod ResolveMethod(OdooModel model, string methodName)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (methodName.StartsWith('_'))
        {
            throw OdooException.AccessError($"Private methods (such as {methodName}) cannot be called remotely.");
        }

        return model.FindMethod(methodName)
            ?? throw OdooException.AttributeError($"The method '{methodName}' does not exist on the model '{model.Definition.Name}'");
    }

    public Task<JsonNode?> ExecuteAsync(int uid, string modelName, string methodName, JsonArray args, JsonObject kwargs, CancellationToken cancellationToken)
    {
        var model = ResolveModel(modelName);
        var function = ResolveMethod(model, methodName);
        return ExecuteAsync(uid, modelName, function, methodName, args, kwargs, cancellationToken);
    }

    public async Task<JsonNode?> ExecuteAsync(
        int uid, string modelName, ModelMethod function, string methodName, JsonArray args, JsonObject kwargs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(kwargs);
        using var span = EmulatorTracing.StartCall(modelName, methodName);
        try
        {
            return await RunAsync(uid, function, methodName, args, kwargs, cancellationToken);
        }
        catch (Exception exception) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private Task<JsonNode?> RunAsync(
        int uid, ModelMethod function, string methodName, JsonArray args, JsonObject kwargs, CancellationToken cancellationToken) =>
        runner.RunAsync(
            async (cursor, ct) =>
            {
                // Fresh copies per try: a retried call must not see what the failed try consumed.
                var call = new ModelCall(
                    cursor,
                    registry,
                    uid,
                    methodName,
                    args.DeepClone().AsArray(),
                    kwargs.DeepClone().AsObject(),
                    Now(),
                    new CallCost(options.CallCost, timeProvider),
                    StockSeeder.WarehouseCode(options.Region));
                var result = await function(call, ct);
                await call.SpendCostAsync(ct);
                return result;
            },
            cancellationToken,
            readOnly: OdooModel.IsReadOnly(methodName));

    /// <summary>UTC now in whole seconds, as a <c>timestamp without time zone</c> value.</summary>
    private DateTime Now()
    {
        var utc = timeProvider.GetUtcNow().UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
    }
}
