using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulator.Load.Measurement;

namespace Simulator.Load.Reports;

/// <summary>
/// Writes a workload's per-second intervals column by column — <c>{"second": [0, 1, …], "count": […], "ok": […],
/// "failed": […], "dropped": […], "unknown": […], "started": […], "arrivals": […], "p50Ms": […], "p99Ms": […]}</c> —
/// each array on one line, so a 30-minute timeline costs a few tens of kilobytes instead of thousands of indented
/// objects. A <see langword="null"/> percentile (no OK iteration that second) is written as <c>null</c>.
/// </summary>
public sealed class IntervalTimelineConverter : JsonConverter<IReadOnlyList<IntervalSnapshot>>
{
    private static readonly string[] Columns = ["second", "count", "ok", "failed", "dropped", "unknown", "started", "arrivals", "p50Ms", "p99Ms"];

    /// <inheritdoc />
    public override IReadOnlyList<IntervalSnapshot> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("intervals must be an object of columns");
        }

        int count = root.TryGetProperty("second", out var seconds) ? seconds.GetArrayLength() : 0;
        var columns = Columns.ToDictionary(c => c, c => root.TryGetProperty(c, out var column) ? column : default, StringComparer.Ordinal);
        foreach (var (name, column) in columns)
        {
            if (column.ValueKind == JsonValueKind.Array && column.GetArrayLength() != count)
            {
                throw new JsonException($"intervals.{name} has {column.GetArrayLength()} entries, intervals.second {count}");
            }
        }

        var intervals = new List<IntervalSnapshot>(count);
        for (int i = 0; i < count; i++)
        {
            intervals.Add(new IntervalSnapshot(
                columns["second"][i].GetInt32(),
                Long(columns["count"], i),
                Long(columns["ok"], i),
                Long(columns["failed"], i),
                Long(columns["dropped"], i),
                Long(columns["unknown"], i),
                Double(columns["p50Ms"], i),
                Double(columns["p99Ms"], i))
            {
                Started = Long(columns["started"], i),
                Arrivals = Long(columns["arrivals"], i),
            });
        }

        return intervals;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<IntervalSnapshot> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        Column(writer, "second", value, i => i.Second);
        Column(writer, "count", value, i => i.Count);
        Column(writer, "ok", value, i => i.Ok);
        Column(writer, "failed", value, i => i.Failed);
        Column(writer, "dropped", value, i => i.Dropped);
        Column(writer, "unknown", value, i => i.Unknown);
        Column(writer, "started", value, i => i.Started);
        Column(writer, "arrivals", value, i => i.Arrivals);
        Column(writer, "p50Ms", value, i => i.P50Ms);
        Column(writer, "p99Ms", value, i => i.P99Ms);
        writer.WriteEndObject();
    }

    private static long Long(JsonElement column, int i) => column.ValueKind == JsonValueKind.Array ? column[i].GetInt64() : 0;

    private static double? Double(JsonElement column, int i)
        => column.ValueKind == JsonValueKind.Array && column[i].ValueKind == JsonValueKind.Number ? column[i].GetDouble() : null;

    private static void Column(Utf8JsonWriter writer, string name, IReadOnlyList<IntervalSnapshot> intervals, Func<IntervalSnapshot, long> value)
        => Raw(writer, name, intervals, (text, i) => text.Append(value(i)));

    private static void Column(Utf8JsonWriter writer, string name, IReadOnlyList<IntervalSnapshot> intervals, Func<IntervalSnapshot, double?> value)
        => Raw(writer, name, intervals, (text, i) => text.Append(value(i) is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null"));

    private static void Raw(Utf8JsonWriter writer, string name, IReadOnlyList<IntervalSnapshot> intervals, Action<StringBuilder, IntervalSnapshot> append)
    {
        var text = new StringBuilder(intervals.Count * 4 + 2).Append('[');
        for (int i = 0; i < intervals.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            append(text, intervals[i]);
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(text.Append(']').ToString(), skipInputValidation: true);
    }
}
