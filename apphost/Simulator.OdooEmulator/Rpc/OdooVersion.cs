using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// The server version the emulator claims: Odoo 17.0, the release whose external API it follows.
/// </summary>
internal static class OdooVersion
{
    public const string ServerVersion = "17.0";

    public const string ServerSerie = "17.0";

    public const int ProtocolVersion = 1;

    /// <summary>
    /// <c>common.version</c>'s result. <c>server_version_info</c> is Python's
    /// <c>(17, 0, 0, 'final', 0, '')</c> tuple, which JSON renders as a list.
    /// </summary>
    public static JsonObject ToJson() => new()
    {
        ["server_version"] = ServerVersion,
        ["server_version_info"] = new JsonArray(17, 0, 0, "final", 0, ""),
        ["server_serie"] = ServerSerie,
        ["protocol_version"] = ProtocolVersion,
    };
}
