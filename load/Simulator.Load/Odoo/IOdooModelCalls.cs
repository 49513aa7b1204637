using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>
/// A way to call a model method as a logged-in user: the External API's <c>execute_kw</c> (<see cref="OdooClient"/>)
/// or the web client's <c>/web/dataset/call_kw</c> with a session (<see cref="WebSessionClient"/>), so the same reads
/// (<see cref="OdooCalls"/>) run over either.
/// </summary>
internal interface IOdooModelCalls
{
    /// <summary>Calls <paramref name="model"/>.<paramref name="method"/>, counting body bytes in <paramref name="meter"/>.</summary>
    Task<JsonElement> CallKwAsync(
        string model, string method, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> kwargs, ITransferMeter? meter, CancellationToken cancellationToken);
}
