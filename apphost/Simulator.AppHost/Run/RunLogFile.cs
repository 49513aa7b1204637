using System.Globalization;

namespace Simulator.AppHost.Run;

/// <summary>
/// One resource's log file, which can move to another folder while lines are still arriving. Aspire delivers a line
/// some time after the resource wrote it and stamps it with when it was written, so after a move a line stamped
/// before the move still goes to the folder it belongs to: a suite run's logs hold what happened while it was on.
/// </summary>
public sealed class RunLogFile : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _name;
    private StreamWriter _current;
    private StreamWriter? _previous;
    private DateTimeOffset _movedAt = DateTimeOffset.MinValue;

    /// <summary>Opens (appending to) <c>&lt;directory&gt;/&lt;name&gt;.log</c>.</summary>
    public RunLogFile(string directory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
        _current = Open(directory, name);
    }

    /// <summary>
    /// Writes the lines stamped from <paramref name="from"/> on into <paramref name="directory"/>; earlier lines still
    /// arriving go on to the folder before, until the next move.
    /// </summary>
    public async Task MoveToAsync(string directory, DateTimeOffset from)
    {
        var next = Open(directory, _name);
        await _gate.WaitAsync();
        try
        {
            if (_previous is not null)
            {
                await _previous.DisposeAsync();
            }

            _previous = _current;
            _current = next;
            _movedAt = from;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Appends <paramref name="line"/> to the file of the folder its stamp belongs to.</summary>
    public async Task WriteAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        await _gate.WaitAsync();
        try
        {
            var writer = _previous is not null && StampOf(line) < _movedAt ? _previous : _current;
            await writer.WriteLineAsync(line);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _current.DisposeAsync();
        if (_previous is not null)
        {
            await _previous.DisposeAsync();
        }

        _gate.Dispose();
    }

    /// <summary>
    /// The stamp Aspire puts before a line (<c>2026-11-30T14:53:16.0890000Z text</c>). A line without one, such as a
    /// resource's own <c>2026-11-30 14:53:16,089 …</c>, counts as current.
    /// </summary>
    private static DateTimeOffset StampOf(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 10 && line[10] == 'T'
            && DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
            ? stamp
            : DateTimeOffset.MaxValue;
    }

    private static StreamWriter Open(string directory, string name) =>
        new(Path.Combine(directory, name + ".log"), append: true) { AutoFlush = true };
}
