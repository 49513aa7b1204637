using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Diagnostics;
using Simulator.OdooEmulator.Rpc.Services;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>Odoo's <c>dispatch_rpc(service, method, args)</c>: routes a call to its service.</summary>
internal sealed class RpcDispatcher
{
    private readonly Dictionary<string, IRpcService> _services;
    private readonly EmulatorMetrics _metrics;

    public RpcDispatcher(IEnumerable<IRpcService> services, EmulatorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services.ToDictionary(service => service.Name, StringComparer.Ordinal);
        _metrics = metrics;
    }

    public Task<JsonNode?> DispatchAsync(string service, string method, JsonArray args, CancellationToken cancellationToken)
    {
        _metrics.CallHandled(service, method);
        // Odoo looks the service up in a dict, so an unknown one is a KeyError.
        return _services.TryGetValue(service, out var handler)
            ? handler.DispatchAsync(method, args, cancellationToken)
            : throw OdooException.KeyError(service);
    }
}
