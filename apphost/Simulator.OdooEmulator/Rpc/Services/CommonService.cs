using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Security;

namespace Simulator.OdooEmulator.Rpc.Services;

/// <summary>
/// Odoo's <c>common</c> service (<c>odoo/service/common.py</c>): <c>version</c>, <c>about</c>,
/// <c>login</c> and <c>authenticate</c>. Bad credentials give <c>false</c>, not an error.
/// </summary>
internal sealed class CommonService(Credentials credentials) : IRpcService
{
    private static readonly string[] AboutParameters = ["extended"];
    private static readonly string[] LoginParameters = ["db", "login", "password"];
    private static readonly string[] AuthenticateParameters = ["db", "login", "password", "user_agent_env"];

    public string Name => "common";

    public async Task<JsonNode?> DispatchAsync(string method, JsonArray args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (method)
        {
            case "version":
                CallArguments.Bind("exp_version", args, [], [], 0, isMethod: false);
                return OdooVersion.ToJson();
            case "about":
                var about = CallArguments.Bind("exp_about", args, [], AboutParameters, 0, isMethod: false);
                const string Info = "See http://openerp.com";
                return PyValues.IsTruthy(about[0]) ? new JsonArray(Info, OdooVersion.ServerVersion) : Info;
            case "login":
                var login = CallArguments.Bind("exp_login", args, [], LoginParameters, 3, isMethod: false);
                return await AuthenticateAsync(login, cancellationToken);
            case "authenticate":
                var authenticate = CallArguments.Bind("exp_authenticate", args, [], AuthenticateParameters, 4, isMethod: false);
                return await AuthenticateAsync(authenticate, cancellationToken);
            default:
                throw OdooException.Generic($"Method not found: {method}");
        }
    }

    private async Task<JsonNode?> AuthenticateAsync(JsonNode?[] args, CancellationToken cancellationToken)
    {
        var uid = await credentials.AuthenticateAsync(
            PyValues.AsString(args[0]), PyValues.AsString(args[1]), PyValues.AsString(args[2]), cancellationToken);
        return uid is { } found ? found : false;
    }
}
