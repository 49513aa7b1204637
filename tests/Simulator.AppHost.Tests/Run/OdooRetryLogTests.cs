using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Tests.Run;

public sealed class OdooRetryLogTests
{
    [Theory]
    // The emulator's console lines (the message on its own line, under the category).
    [InlineData("2026-11-30T06:51:56.3650000Z       40001, 4 tries left, try again in 896.7 ms", OdooRetryLog.Retry)]
    [InlineData("2026-11-30T06:51:59.0000000Z       40P01, maximum number of tries reached!", OdooRetryLog.Exhausted)]
    // Real Odoo's (odoo.service.model), as the odoo image logs them.
    [InlineData("2026-11-30 06:51:56,365 7 INFO sim odoo.service.model: SERIALIZATION_FAILURE, 4 tries left, try again in 0.8967 sec...", OdooRetryLog.Retry)]
    [InlineData("2026-11-30 06:52:10,001 7 INFO sim odoo.service.model: SERIALIZATION_FAILURE, maximum number of tries reached!", OdooRetryLog.Exhausted)]
    [InlineData("2026-11-30T06:51:56.3650000Z info: Simulator.OdooEmulator.Database.TransactionRunner[350313763]", null)]
    [InlineData("RPC backend error psycopg2.errors.SerializationFailure: could not serialize access due to concurrent update", null)]
    public void Classifies_the_retry_and_give_up_lines_of_the_emulator_and_of_real_odoo(string line, string? kind) =>
        Assert.Equal(kind, OdooRetryLog.Classify(line));

    [Fact]
    public void A_region_adds_up_the_lines_of_its_own_odoo_nodes()
    {
        var tally = new LogLineTally(OdooRetryLog.Classify);
        const string Retry = "40001, 3 tries left, try again in 12.0 ms";
        tally.Offer("eu-odoo-1", Retry);
        tally.Offer("us-odoo-1", Retry);
        tally.Offer("us-odoo-2", Retry);
        tally.Offer("us-odoo-2", Retry);
        tally.Offer("us-odoo-2", "40001, maximum number of tries reached!");
        // Not an Odoo node of the topology: a database log, and a node number the region does not have.
        tally.Offer("us-pg-1", Retry);
        tally.Offer("us-odoo-3", Retry);
        tally.Offer("us-odoo-1", "an ordinary line");

        var servers = OdooRetryLog.Report(tally, TopologyCatalog.TwoRegion);

        Assert.Equal([new ServerReport("eu", 1, 0), new ServerReport("us", 3, 1)], servers);
    }
}
