using Simulator.Load.Ledger;

namespace Simulator.Load.Tests.Ledger;

public sealed class LedgerWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sim-ledger-" + Guid.NewGuid().ToString("N"));

    private string LedgerPath => Path.Combine(_folder, "out", LedgerWriter.FileName);

    [Fact]
    public void Each_entry_is_one_json_line_on_disk_before_the_writer_is_closed()
    {
        using var writer = LedgerWriter.Open(LedgerPath);

        writer.Append(new LedgerEntry("S00042", "eu", "order-import", 12.3454));
        writer.Append(new LedgerEntry("S00043", "us", "order-import", 13));

        // Read while the writer is still open: an interrupted run keeps what was flushed.
        using var stream = new FileStream(LedgerPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        Assert.Equal(
            "{\"id\":\"S00042\",\"region\":\"eu\",\"workload\":\"order-import\",\"time\":12.345}\n" +
            "{\"id\":\"S00043\",\"region\":\"us\",\"workload\":\"order-import\",\"time\":13}\n",
            reader.ReadToEnd());
    }

    [Fact]
    public async Task Entries_read_back_and_a_cut_last_line_is_skipped()
    {
        using (var writer = LedgerWriter.Open(LedgerPath))
        {
            writer.Append(new LedgerEntry("S1", "eu", "order-import", 1.5));
            writer.Append(new LedgerEntry("S2", "eu", "order-import", 2.5) { Origin = "us-pg-1/tl2", SentAt = 2.1234 });
        }

        await File.AppendAllTextAsync(LedgerPath, "{\"id\":\"S3\",\"reg");

        var entries = await LedgerFile.ReadAsync(LedgerPath, CancellationToken.None);

        Assert.Equal(
            [new LedgerEntry("S1", "eu", "order-import", 1.5), new LedgerEntry("S2", "eu", "order-import", 2.5) { Origin = "us-pg-1/tl2", SentAt = 2.123 }],
            entries);
    }

    [Fact]
    public async Task A_malformed_line_before_the_last_is_an_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LedgerPath)!);
        await File.WriteAllTextAsync(LedgerPath, "not json\n{\"id\":\"S1\",\"region\":\"eu\",\"workload\":\"w\",\"time\":1}\n");

        var error = await Assert.ThrowsAsync<FormatException>(() => LedgerFile.ReadAsync(LedgerPath, CancellationToken.None));

        Assert.Contains(":1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_appends_never_interleave()
    {
        using (var writer = LedgerWriter.Open(LedgerPath))
        {
            Parallel.For(0, 500, i => writer.Append(new LedgerEntry($"S{i:00000}", "eu", "order-import", i / 10.0)));
        }

        var lines = File.ReadAllLines(LedgerPath);
        Assert.Equal(500, lines.Length);
        Assert.Equal(500, lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public void Opening_without_append_starts_a_fresh_ledger()
    {
        using (var writer = LedgerWriter.Open(LedgerPath))
        {
            writer.Append(new LedgerEntry("old", "eu", "w", 1));
        }

        using (var writer = LedgerWriter.Open(LedgerPath, append: true))
        {
            writer.Append(new LedgerEntry("kept", "eu", "w", 2));
        }

        Assert.Equal(2, File.ReadAllLines(LedgerPath).Length);
        using (LedgerWriter.Open(LedgerPath))
        {
        }

        Assert.Empty(File.ReadAllLines(LedgerPath));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
