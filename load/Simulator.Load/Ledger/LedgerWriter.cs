using System.Buffers;
using System.Text.Json;

namespace Simulator.Load.Ledger;

/// <summary>
/// Writes <c>ledger.jsonl</c>: one JSON object per acknowledged write, appended and flushed to the operating system
/// line by line, so a run that is killed keeps every entry it acknowledged. (Flushing does not fsync: a power loss
/// may lose the last lines, a crash or Ctrl-C does not.) Safe for concurrent <see cref="Append"/> calls.
/// </summary>
/// <example><c>{"id":"S00042","region":"eu","workload":"order-import","time":12.345}</c>, with <c>"origin"</c> and <c>"sent"</c> (when the committing request was sent) when the workload knows them.</example>
public sealed class LedgerWriter : ILedgerSink, IDisposable
{
    /// <summary>The conventional file name inside a run's output folder.</summary>
    public const string FileName = "ledger.jsonl";

    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private bool _disposed;

    private LedgerWriter(FileStream stream) => _stream = stream;

    /// <summary>
    /// Opens a ledger file for appending entries, creating its folder when needed. With <paramref name="append"/>
    /// false (the default, one ledger per run) an existing file is emptied first.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="append">Whether to keep an existing file's entries.</param>
    /// <returns>The writer; dispose it when the run ends.</returns>
    public static LedgerWriter Open(string path, bool append = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var stream = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        return new LedgerWriter(stream);
    }

    /// <inheritdoc />
    public void Append(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", entry.Id);
                json.WriteString("region", entry.Region);
                json.WriteString("workload", entry.Workload);
                json.WriteNumber("time", Math.Round(entry.Time, 3));
                if (entry.Origin is { } origin)
                {
                    json.WriteString("origin", origin);
                }

                if (entry.SentAt is { } sent)
                {
                    json.WriteNumber("sent", Math.Round(sent, 3));
                }

                json.WriteEndObject();
            }

            _buffer.Write("\n"u8);
            _stream.Write(_buffer.WrittenSpan);
            _stream.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Dispose();
        }
    }
}
