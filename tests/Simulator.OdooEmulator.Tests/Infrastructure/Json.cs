using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>Short ways to write JSON arguments in tests.</summary>
internal static class Json
{
    public static JsonArray Array(string json) => JsonNode.Parse(json)!.AsArray();

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();
}
