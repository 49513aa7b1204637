using Simulator.AppHost.Run;

namespace Simulator.AppHost.Tests.Run;

public sealed class RunLogFileTests : IDisposable
{
    private static readonly DateTimeOffset MovedAt = new(2026, 11, 30, 14, 53, 20, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("run-log-file-").FullName;

    [Fact]
    public async Task A_line_stamped_before_the_move_but_delivered_after_it_goes_to_the_earlier_run()
    {
        var (first, second) = (Folder("01-quickstart"), Folder("02-month-end"));
        await using (var file = new RunLogFile(first, "eu-odoo-2"))
        {
            await file.WriteAsync("2026-11-30T14:53:10.0000000Z first run");
            await file.MoveToAsync(second, MovedAt);
            await file.WriteAsync("2026-11-30T14:53:16.0890000Z late, but the first run's");
            await file.WriteAsync("2026-11-30T14:53:20.0000000Z the second run's, from the move on");
            await file.WriteAsync("a line with no stamp");
        }

        Assert.Equal(
            ["2026-11-30T14:53:10.0000000Z first run", "2026-11-30T14:53:16.0890000Z late, but the first run's"],
            await File.ReadAllLinesAsync(Path.Combine(first, "eu-odoo-2.log")));
        Assert.Equal(
            ["2026-11-30T14:53:20.0000000Z the second run's, from the move on", "a line with no stamp"],
            await File.ReadAllLinesAsync(Path.Combine(second, "eu-odoo-2.log")));
    }

    [Fact]
    public async Task A_resources_own_date_at_the_start_of_a_line_is_not_taken_for_the_delivery_stamp()
    {
        var (first, second) = (Folder("01"), Folder("02"));
        await using (var file = new RunLogFile(first, "eu-odoo-1"))
        {
            await file.MoveToAsync(second, MovedAt);
            await file.WriteAsync("2026-11-30 14:53:16,089 7 INFO sim odoo.service.model: a real Odoo line");
        }

        Assert.Empty(await File.ReadAllLinesAsync(Path.Combine(first, "eu-odoo-1.log")));
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(second, "eu-odoo-1.log")));
    }

    [Fact]
    public async Task After_a_second_move_late_lines_of_the_middle_run_stay_in_the_middle_run()
    {
        var (first, second, third) = (Folder("01"), Folder("02"), Folder("03"));
        await using (var file = new RunLogFile(first, "eu-pg-1"))
        {
            await file.MoveToAsync(second, MovedAt);
            await file.MoveToAsync(third, MovedAt.AddMinutes(1));
            await file.WriteAsync("2026-11-30T14:53:30.0000000Z the middle run's, late");
            await file.WriteAsync("2026-11-30T14:54:30.0000000Z the third run's");
        }

        Assert.Empty(await File.ReadAllLinesAsync(Path.Combine(first, "eu-pg-1.log")));
        Assert.Equal(["2026-11-30T14:53:30.0000000Z the middle run's, late"], await File.ReadAllLinesAsync(Path.Combine(second, "eu-pg-1.log")));
        Assert.Equal(["2026-11-30T14:54:30.0000000Z the third run's"], await File.ReadAllLinesAsync(Path.Combine(third, "eu-pg-1.log")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
}
