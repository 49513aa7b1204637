using System.Text.Json.Serialization;

namespace Simulator.AppHost.Run;

/// <summary>
/// The regional entry points of a running topology, as <c>--endpoints FILE</c> writes them so that
/// scripts and other tools can attach. Keys for components a topology lacks are left out.
/// </summary>
public sealed record EndpointsDocument(
    string Runtime,
    IReadOnlyDictionary<string, RegionEndpoints> Regions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Toxiproxy);

/// <summary>One region's entry points.</summary>
public sealed record RegionEndpoints(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OdooEndpoint? Odoo,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Postgres,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Redis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? S3);

/// <summary>How to reach a region's Odoo: its ingress URL and the run's credentials.</summary>
public sealed record OdooEndpoint(string Url, string Database, string Login, string Password)
{
    /// <summary>The run's key for Odoo 19's JSON-2 API (<c>Authorization: bearer</c>); left out when the servers have none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiKey { get; init; }
}
