using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>
/// A model clients read and search but do not create, change or delete over RPC in the emulator
/// (configuration and records that Odoo's business flows maintain).
/// </summary>
internal abstract class ReadOnlyModel : OdooModel
{
    public override ModelMethod? FindMethod(string name) => name switch
    {
        "create" or "write" or "unlink" => NotEmulated,
        _ => base.FindMethod(name),
    };

    private Task<JsonNode?> NotEmulated(ModelCall call, CancellationToken cancellationToken) =>
        throw OdooException.UserError(
            $"{Definition.Name}.{call.Method}() is not emulated: these records are maintained by the emulator's business flows.");
}
