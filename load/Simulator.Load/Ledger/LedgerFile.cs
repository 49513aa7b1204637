using System.Text.Json;

namespace Simulator.Load.Ledger;

/// <summary>Reads a <c>ledger.jsonl</c> written by <see cref="LedgerWriter"/>.</summary>
public static class LedgerFile
{
    /// <summary>
    /// Reads every entry. A last line cut short (the run was killed mid-write) is skipped, since that write was
    /// never fully recorded; a malformed line anywhere else is an error.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, in file order.</returns>
    /// <exception cref="FormatException">A line other than the last is not a ledger entry.</exception>
    public static async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var entries = new List<LedgerEntry>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (TryParse(lines[i]) is { } entry)
            {
                entries.Add(entry);
            }
            else if (i < lines.Length - 1)
            {
                throw new FormatException($"{path}:{i + 1}: not a ledger entry: {lines[i]}");
            }
        }

        return entries;
    }

    private static LedgerEntry? TryParse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("region", out var region) && region.ValueKind == JsonValueKind.String
                && root.TryGetProperty("workload", out var workload) && workload.ValueKind == JsonValueKind.String
                && root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.Number
                ? new LedgerEntry(id.GetString()!, region.GetString()!, workload.GetString()!, time.GetDouble())
                {
                    Origin = root.TryGetProperty("origin", out var origin) && origin.ValueKind == JsonValueKind.String ? origin.GetString() : null,
                    SentAt = root.TryGetProperty("sent", out var sent) && sent.ValueKind == JsonValueKind.Number ? sent.GetDouble() : null,
                }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
