using System.Text.Json;
using Simulator.Load.Failover;
using Simulator.Load.Reports;

namespace Simulator.Load.Tests.Failover;

public class FailoverReportJsonTests
{
    [Fact]
    public void The_failover_details_survive_a_round_trip_through_report_json()
    {
        var failover = new FailoverReport(9.4, 8.1, "eu-pg-1", "us-pg-1", 0, false)
        {
            FaultAtSeconds = 10,
            LeaderLostAtSeconds = 19.2,
            NewLeaderElectedAtSeconds = 19.3,
            NewLeaderPromotedAtSeconds = 19.9,
            RecoveredWrites = 2,
            Regions = [new RegionFailover("eu", 9.99, 10.01, 19.4, 9.4, 9.39, 3, 1)],
            Events = [new FailoverEvent(FailoverEventKind.LeaderLost, "eu-pg-1", 19.2)],
            WriteOrigins = [new WriteOrigin("eu-pg-1/tl1", 200, 0.1, 9.99)],
            ReplicationLag = [new ReplicationLagSeries("us-pg-1", [0, 1], [0, 8192], [0.001, null])],
        };
        var report = Support.Reports.Report(failover: failover);

        var json = ReportJson.Serialize(report);
        var read = ReportJson.Deserialize(json).Failover!;

        Assert.Equal(failover with { Regions = null, Events = null, WriteOrigins = null, ReplicationLag = null },
            read with { Regions = null, Events = null, WriteOrigins = null, ReplicationLag = null });
        Assert.Equal(failover.Regions, read.Regions);
        Assert.Equal(failover.Events, read.Events);
        Assert.Equal(failover.WriteOrigins, read.WriteOrigins);
        Assert.Equal(failover.ReplicationLag[0].Bytes, read.ReplicationLag![0].Bytes);
        Assert.Equal(failover.ReplicationLag[0].Seconds, read.ReplicationLag[0].Seconds);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(19.9, document.RootElement.GetProperty("failover").GetProperty("newLeaderPromotedAtSeconds").GetDouble());
    }
}
