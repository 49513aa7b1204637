using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>
/// One try of one <c>execute_kw</c> call: the cursor inside its transaction, the caller, the
/// arguments, the call's clock reading and its processing cost. Built afresh for every retry.
/// </summary>
internal sealed class ModelCall(
    OdooCursor cursor,
    ModelRegistry registry,
    int uid,
    string method,
    JsonArray args,
    JsonObject kwargs,
    DateTime now,
    CallCost cost,
    string warehouseCode = "EU")
{
    public OdooCursor Cursor { get; } = cursor;

    public ModelRegistry Registry { get; } = registry;

    /// <summary>The calling user's id.</summary>
    public int Uid { get; } = uid;

    /// <summary>The method name, for error messages.</summary>
    public string Method { get; } = method;

    /// <summary>Positional arguments (for record methods, the ids come first).</summary>
    public JsonArray Args { get; } = args;

    /// <summary>Keyword arguments without <c>context</c>, which <see cref="Context"/> holds.</summary>
    public JsonObject Kwargs { get; } = kwargs;

    /// <summary>The <c>context</c> keyword argument, empty when not given.</summary>
    public JsonObject Context { get; } = TakeContext(kwargs);

    /// <summary>
    /// UTC time of the call as a PostgreSQL <c>timestamp without time zone</c> value, the way Odoo
    /// stores datetimes; whole seconds, like Odoo's <c>fields.Datetime.now()</c>.
    /// </summary>
    public DateTime Now { get; } = now;

    public CallCost Cost { get; } = cost;

    /// <summary>Code of this instance's warehouse (its region's), the default for new sale orders.</summary>
    public string WarehouseCode { get; } = warehouseCode;

    /// <summary>Spends the call's processing cost now (see <see cref="CallCost"/>).</summary>
    public Task SpendCostAsync(CancellationToken cancellationToken) => Cost.SpendAsync(cancellationToken);

    /// <summary>Odoo's <c>call_kw</c> pops <c>context</c> before binding the method's own arguments.</summary>
    private static JsonObject TakeContext(JsonObject kwargs)
    {
        if (!kwargs.TryGetPropertyValue("context", out var context))
        {
            return [];
        }

        kwargs.Remove("context");
        return context as JsonObject ?? [];
    }
}
