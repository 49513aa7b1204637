namespace Simulator.Chaos.Tests.Processes;

public sealed class PidFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pidfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Reads_the_postmaster_pid_from_the_first_line()
    {
        var path = Path.Combine(_directory, "postmaster.pid");
        await File.WriteAllTextAsync(path, "4242\n/var/lib/postgresql/15/main\n1700000000\n5432\n/var/run/postgresql\n*\n");

        Assert.Equal(4242, await PidFile.ReadAsync(path));
    }

    [Fact]
    public async Task A_missing_file_means_no_process_and_garbage_is_an_error()
    {
        Assert.Null(await PidFile.ReadAsync(Path.Combine(_directory, "absent.pid")));
        var path = Path.Combine(_directory, "bad.pid");
        await File.WriteAllTextAsync(path, "not a pid\n");
        await Assert.ThrowsAsync<FormatException>(() => PidFile.ReadAsync(path));
    }
}
