using System.Diagnostics;
using System.Globalization;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Tests.Native;

/// <summary>
/// The processes a run records in its folder, killed by the next start: real child processes (<c>sleep</c>, whose
/// command line names no run folder, like Redis's or an emulator's) stand for what a killed run left behind.
/// </summary>
public sealed class RecordedProcessesTests
{
    [Fact]
    public void A_recorded_leftover_is_killed_but_a_pid_whose_start_time_differs_was_recycled_and_is_left_alone()
    {
        var folder = Fixtures.TempFolder();
        using var leftover = Sleep();
        using var recycled = Sleep();
        try
        {
            var leftoverStart = ProcFs.StartTime(leftover.Id)!.Value;
            // The PID as a killed run would have recorded it for a process that has since ended and whose PID was reused.
            var recycledRecorded = ProcFs.StartTime(recycled.Id)!.Value - 1;
            RecordedProcesses.Record(folder, [new(leftover.Id, leftoverStart, "eu-redis"), new(recycled.Id, recycledRecorded, "eu-odoo-1 (child)")]);

            var killed = RecordedProcesses.KillLeftovers(folder);

            Assert.Equal([new RecordedProcess(leftover.Id, leftoverStart, "eu-redis")], killed);
            Assert.True(leftover.WaitForExit(10_000), "the recorded leftover is still running");
            Assert.False(recycled.HasExited, "a process whose PID was recorded with another start time was killed");
        }
        finally
        {
            recycled.Kill();
        }
    }

    [Fact]
    public void The_next_start_kills_what_a_dead_run_recorded_and_removes_its_folder()
    {
        var folder = Path.Combine(RunDirectory.Root, "20261129-000000-" + DeadPid().ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        using var leftover = Sleep();
        try
        {
            RecordedProcesses.Record(folder, [new(leftover.Id, ProcFs.StartTime(leftover.Id)!.Value, "us-odoo-1")]);

            var removed = ProcessSweeper.CleanStaleRuns();

            Assert.Contains(folder, removed);
            Assert.False(Directory.Exists(folder));
            Assert.True(leftover.WaitForExit(10_000), "the dead run's recorded process is still running");
        }
        finally
        {
            if (!leftover.HasExited)
            {
                leftover.Kill();
            }
        }
    }

    [Fact]
    public void Descendants_are_found_through_every_generation()
    {
        // sh starts sleep as its child and waits; the test's own process is the root.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 300; true"]))!;
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            IReadOnlyDictionary<int, int> parents;
            do
            {
                parents = ProcFs.Parents();
            }
            while (!parents.Values.Contains(shell.Id) && DateTime.UtcNow < deadline);

            var found = ProcFs.Descendants(Environment.ProcessId, parents);
            var sleep = Assert.Single(parents, p => p.Value == shell.Id).Key;
            Assert.Contains(shell.Id, found);
            Assert.Contains(sleep, found);
            Assert.DoesNotContain(Environment.ProcessId, found);
            Assert.Equal(Environment.ProcessId, ProcFs.ParentId(shell.Id));
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_process_start_on_the_wall_clock_agrees_with_what_dotnet_says()
    {
        using var sleep = Sleep();
        try
        {
            var started = ProcFs.StartedAt(sleep.Id)!.Value;
            var expected = new DateTimeOffset(sleep.StartTime.ToUniversalTime(), TimeSpan.Zero);
            Assert.InRange((started - expected).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
            Assert.Null(ProcFs.StartedAt(DeadPid()));
        }
        finally
        {
            sleep.Kill();
        }
    }

    private static Process Sleep() => Process.Start(new ProcessStartInfo("sleep", ["300"]))!;

    /// <summary>A PID no process has now: the owner of a run that was killed.</summary>
    private static int DeadPid()
    {
        var max = int.Parse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), CultureInfo.InvariantCulture);
        return Enumerable.Range(2, max - 2).Reverse().First(p => !Directory.Exists($"/proc/{p.ToString(CultureInfo.InvariantCulture)}"));
    }
}
