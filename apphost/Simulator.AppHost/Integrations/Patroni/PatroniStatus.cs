using System.Text.Json;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>What a node's Patroni says about itself on <c>GET /patroni</c>.</summary>
/// <param name="State">PostgreSQL's state as Patroni sees it: <c>running</c>, <c>starting</c>, <c>stopped</c>, <c>crashed</c>, ...</param>
/// <param name="Role">
/// <c>master</c> (Patroni 3.0; <c>primary</c> in later versions) or <c>replica</c>; what PostgreSQL itself is,
/// not whether this node holds the leader key.
/// </param>
/// <param name="Timeline">PostgreSQL's timeline, when known.</param>
/// <param name="WalPosition">A leader's current WAL location, a replica's replayed location, in bytes; when known.</param>
public sealed record PatroniStatus(string State, string Role, long? Timeline, long? WalPosition)
{
    /// <summary>Whether PostgreSQL runs as a primary (accepting writes).</summary>
    public bool IsPrimary => Role is "master" or "primary";

    /// <summary>Whether PostgreSQL runs as a streaming replica.</summary>
    public bool IsReplica => Role == "replica";

    /// <summary>Whether the node leads a standby cluster (Patroni's <c>standby_leader</c>): a replica of another cluster.</summary>
    public bool IsStandbyLeader => Role == "standby_leader";

    /// <summary>A replica's received WAL location, in bytes; null for a leader or when not known.</summary>
    public long? ReceivedPosition { get; init; }

    /// <summary>When the last transaction a replica replayed was committed on its leader; null when not known.</summary>
    public DateTimeOffset? ReplayedAt { get; init; }

    /// <summary>Whether PostgreSQL is up.</summary>
    public bool IsRunning => State == "running";

    /// <summary>The role as reports name it: <c>primary</c> or <c>replica</c> (others as Patroni says them).</summary>
    public string RoleName => IsPrimary ? "primary" : Role;

    /// <summary>Parses the JSON body of <c>GET /patroni</c>.</summary>
    /// <exception cref="JsonException">The body is not Patroni's status.</exception>
    public static PatroniStatus Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("not a Patroni status: no state");
        }

        var role = root.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "unknown";
        long? timeline = root.TryGetProperty("timeline", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null;
        long? position = null;
        long? received = null;
        DateTimeOffset? replayedAt = null;
        if (root.TryGetProperty("xlog", out var xlog) && xlog.ValueKind == JsonValueKind.Object)
        {
            position = Number(xlog, "location") ?? Number(xlog, "replayed_location");
            received = Number(xlog, "received_location");
            replayedAt = xlog.TryGetProperty("replayed_timestamp", out var at) && at.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(at.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                ? parsed
                : null;
        }

        return new PatroniStatus(state.GetString()!, role, timeline, position) { ReceivedPosition = received, ReplayedAt = replayedAt };
    }

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
