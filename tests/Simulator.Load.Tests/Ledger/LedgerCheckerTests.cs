using Simulator.Load.Ledger;

namespace Simulator.Load.Tests.Ledger;

public class LedgerCheckerTests
{
    [Fact]
    public async Task Lost_is_acknowledged_minus_present_and_unknown_is_reported_apart()
    {
        var present = new HashSet<string> { "S1", "S2", "S4", "S9" };
        var batches = new List<int>();

        var result = await LedgerChecker.CheckAsync(
            ["S1", "S2", "S3", "S4", "S5", "S2"],
            unknownOutcomes: 7,
            (ids, _) =>
            {
                batches.Add(ids.Count);
                return Task.FromResult<IReadOnlySet<string>>(ids.Where(present.Contains).ToHashSet());
            },
            CancellationToken.None,
            batchSize: 2);

        Assert.Equal(5, result.Acknowledged);
        Assert.Equal(2, result.Lost);
        Assert.Equal(["S3", "S5"], result.LostIds);
        Assert.Equal(7, result.Unknown);
        Assert.Equal([2, 2, 1], batches);
    }

    [Fact]
    public async Task With_client_chosen_ids_unknown_writes_found_present_are_recovered_and_never_lost()
    {
        var present = new HashSet<string> { "w1", "w2", "w4", "w6" };

        var result = await LedgerChecker.CheckAsync(
            ["w1", "w2", "w3", "w2"],
            ["w4", "w5", "w1", "w6", "w4"],
            (ids, _) => Task.FromResult<IReadOnlySet<string>>(ids.Where(present.Contains).ToHashSet()),
            CancellationToken.None,
            batchSize: 2);

        Assert.Equal(3, result.Acknowledged);
        Assert.Equal(["w3"], result.LostIds);
        Assert.Equal(3, result.Unknown);
        Assert.Equal(2, result.Recovered);
        Assert.Equal(["w4", "w6"], result.RecoveredIds);
    }

    [Fact]
    public async Task Nothing_acknowledged_means_nothing_lost_and_no_lookup()
    {
        int calls = 0;

        var result = await LedgerChecker.CheckAsync(
            [], 3, (_, _) => { calls++; return Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()); }, CancellationToken.None);

        Assert.Equal(new LedgerCheckResult(0, 0, 3, []), result with { LostIds = [] });
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Ids_from_a_ledger_file_can_be_checked()
    {
        string path = Path.Combine(Path.GetTempPath(), "sim-ledger-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            using (var writer = LedgerWriter.Open(path))
            {
                writer.Append(new LedgerEntry("S1", "eu", "order-import", 1));
                writer.Append(new LedgerEntry("S2", "eu", "order-import", 2) { Origin = "eu-pg-1/tl1" });
            }

            var entries = await LedgerFile.ReadAsync(path, CancellationToken.None);
            var result = await LedgerChecker.CheckAsync(
                entries.Select(e => e.Id), 0, (_, _) => Task.FromResult<IReadOnlySet<string>>(new HashSet<string> { "S2" }), CancellationToken.None);

            Assert.Equal(["S1"], result.LostIds);
            Assert.Equal([null, "eu-pg-1/tl1"], entries.Select(e => e.Origin));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
