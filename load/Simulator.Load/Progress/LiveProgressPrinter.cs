using System.Globalization;
using System.Text;
using Simulator.Load.Reports;

namespace Simulator.Load.Progress;

/// <summary>
/// Live progress of a run, fed by the engine as <see cref="LoadRunOptions.Progress"/> (one report per workload per
/// second) and by the fault timeline through <see cref="ReportFault"/>. On a terminal it keeps a compact block at the
/// bottom — elapsed and remaining time, then one line per workload with its rate, p99, errors and drops in the last
/// second, then the faults — redrawn in place with ANSI cursor movements every second, and prints each fault as it
/// starts or heals above the block. Elsewhere (CI logs, files) it prints plain lines: one per workload every
/// <c>everySeconds</c> seconds and at the end, and one per fault event when it happens. Safe to call from any thread.
/// </summary>
public sealed class LiveProgressPrinter : IProgress<IntervalProgress>
{
    private const string Escape = "\u001b[";

    private readonly TextWriter _output;
    private readonly TimeSpan _duration;
    private readonly int _everySeconds;
    private readonly Lock _gate = new();
    private readonly List<WorkloadState> _workloads = [];
    private readonly List<FaultReport> _faults = [];
    private int _drawnLines;
    private int _lastSecond = -1;
    private bool _completed;

    /// <summary>Creates a printer.</summary>
    /// <param name="output">Where to print, usually <see cref="Console.Out"/>.</param>
    /// <param name="duration">The run's duration, for the remaining time.</param>
    /// <param name="interactive">
    /// Whether to redraw a live block with ANSI escapes; when null, true only if <paramref name="output"/> is the
    /// console's, the console's output is not redirected, and <c>TERM</c> is not <c>dumb</c>.
    /// </param>
    /// <param name="everySeconds">In plain mode, how often to print the workload lines.</param>
    public LiveProgressPrinter(TextWriter output, TimeSpan duration, bool? interactive = null, int everySeconds = 5)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(everySeconds, 1);
        _output = output;
        _duration = duration;
        _everySeconds = everySeconds;
        Interactive = interactive ?? IsTerminal(output);
    }

    /// <summary>Whether the printer redraws a live block (terminal) rather than printing plain lines (CI log).</summary>
    public bool Interactive { get; }

    /// <summary>Takes one workload's closed second; prints once every workload's report for that second is in.</summary>
    /// <param name="value">The workload's second.</param>
    public void Report(IntervalProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            var state = Workload(value);
            state.Add(value.Interval);
            _lastSecond = Math.Max(_lastSecond, value.Interval.Second);
            if (value.Index < value.Of - 1)
            {
                return;
            }

            if (Interactive)
            {
                Redraw();
            }
            else if ((_lastSecond + 1) % _everySeconds == 0)
            {
                PrintPlain();
            }
        }
    }

    /// <summary>
    /// Tells the printer about a fault as it fires: once when it starts (<see cref="FaultReport.EndedAtSeconds"/>
    /// null) and again when it heals (with the end set); the same kind, target and start identify it.
    /// </summary>
    /// <param name="fault">The fault, with times in seconds from the run's start.</param>
    public void ReportFault(FaultReport fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            int known = _faults.FindIndex(f => f.Kind == fault.Kind && f.Target == fault.Target && f.StartedAtSeconds == fault.StartedAtSeconds);
            string line = fault.EndedAtSeconds is { } end
                ? string.Create(CultureInfo.InvariantCulture, $"[{Stamp(end)}] fault healed: {ReportFormat.Fault(fault)} (after {ReportFormat.Seconds(end - fault.StartedAtSeconds)})")
                : string.Create(CultureInfo.InvariantCulture, $"[{Stamp(fault.StartedAtSeconds)}] fault started: {ReportFormat.Fault(fault)}");
            if (known >= 0)
            {
                _faults[known] = fault;
            }
            else
            {
                _faults.Add(fault);
            }

            if (Interactive)
            {
                ClearBlock();
                _output.Write(line + "\n");
                DrawBlock();
            }
            else
            {
                _output.WriteLine(line);
            }

            _output.Flush();
        }
    }

    /// <summary>Prints the final state (the block once more, or the plain lines) and stops printing.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (Interactive)
            {
                Redraw();
            }
            else if (_workloads.Count > 0 && (_lastSecond + 1) % _everySeconds != 0)
            {
                PrintPlain();
            }

            _completed = true;
            _output.Flush();
        }
    }

    private static bool IsTerminal(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return false;
        }

        string? term = Environment.GetEnvironmentVariable("TERM");
        return !string.Equals(term, "dumb", StringComparison.Ordinal);
    }

    private static string Stamp(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6) + "s";

    private static string P99(double? ms) => ms is { } v ? ReportFormat.Ms(v) : "—";

    private WorkloadState Workload(IntervalProgress value)
    {
        var state = _workloads.Find(w => w.Name == value.Workload && w.Region == value.Region);
        if (state is null)
        {
            state = new WorkloadState(value.Workload, value.Region);
            _workloads.Add(state);
        }

        return state;
    }

    private string Clock()
    {
        double elapsed = _lastSecond + 1;
        double total = _duration.TotalSeconds;
        return elapsed > total
            ? string.Create(CultureInfo.InvariantCulture, $"{ReportFormat.Clock(elapsed)} of {ReportFormat.Clock(total)}, finishing in-flight iterations")
            : string.Create(CultureInfo.InvariantCulture, $"{ReportFormat.Clock(elapsed)} of {ReportFormat.Clock(total)}, {ReportFormat.Clock(total - elapsed)} left");
    }

    private void PrintPlain()
    {
        string clock = Clock();
        int width = _workloads.Max(w => w.Label.Length);
        foreach (var w in _workloads)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock}] {w.Line(width)}"));
        }

        _output.Flush();
    }

    private void Redraw()
    {
        ClearBlock();
        DrawBlock();
        _output.Flush();
    }

    private void ClearBlock()
    {
        if (_drawnLines > 0)
        {
            // Up to the block's first line, then clear from there to the end of the screen.
            _output.Write(string.Create(CultureInfo.InvariantCulture, $"{Escape}{_drawnLines}F{Escape}0J"));
            _drawnLines = 0;
        }
    }

    private void DrawBlock()
    {
        if (_lastSecond < 0)
        {
            return;
        }

        var block = new StringBuilder();
        double share = _duration > TimeSpan.Zero ? Math.Clamp((_lastSecond + 1) / _duration.TotalSeconds, 0, 1) : 1;
        int filled = (int)Math.Round(share * 20);
        block.Append(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', 20 - filled)}] {Clock()}\n");
        int width = _workloads.Max(w => w.Label.Length);
        foreach (var w in _workloads)
        {
            block.Append("  ").Append(w.Line(width)).Append('\n');
        }

        if (_faults.Count > 0)
        {
            block.Append("  faults: ");
            block.AppendJoin(" · ", _faults.Select(f => f.EndedAtSeconds is { } end
                ? string.Create(CultureInfo.InvariantCulture, $"{ReportFormat.Fault(f)} {ReportFormat.Seconds(f.StartedAtSeconds)}–{ReportFormat.Seconds(end)}")
                : string.Create(CultureInfo.InvariantCulture, $"{ReportFormat.Fault(f)} since {ReportFormat.Seconds(f.StartedAtSeconds)} (active)")));
            block.Append('\n');
        }

        string text = block.ToString();
        _output.Write(text);
        _drawnLines = text.Count(c => c == '\n');
    }

    private sealed class WorkloadState(string name, string region)
    {
        private Measurement.IntervalSnapshot? _last;
        private long _ok;
        private long _errors;
        private long _dropped;

        public string Name { get; } = name;

        public string Region { get; } = region;

        public string Label => $"{Name}@{Region}";

        public void Add(Measurement.IntervalSnapshot interval)
        {
            _last = interval;
            _ok += interval.Ok;
            _errors += interval.Failed + interval.Unknown;
            _dropped += interval.Dropped;
        }

        public string Line(int width)
        {
            var last = _last!;
            long ended = _ok + _errors;
            string share = ended > 0 ? ReportFormat.Percent((double)_errors / ended) : "—";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Label.PadRight(width)}  {last.Started,5}/s  p99 {P99(last.P99Ms),8}  errors {last.Failed + last.Unknown,4}/s ({_errors} total, {share})  dropped {last.Dropped,4}/s ({_dropped} total)");
        }
    }
}
