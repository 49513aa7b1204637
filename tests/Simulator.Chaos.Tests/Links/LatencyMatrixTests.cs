namespace Simulator.Chaos.Tests.Links;

public sealed class LatencyMatrixTests
{
    [Theory]
    [InlineData(80, 40, 40)]
    [InlineData(81, 40, 41)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 0, 0)]
    [InlineData(150.4, 75, 75)]
    public void A_round_trip_splits_over_requests_and_replies(double milliseconds, long up, long down)
    {
        var split = RoundTripSplit.Of(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(up, split.UpstreamMilliseconds);
        Assert.Equal(down, split.DownstreamMilliseconds);
    }

    [Fact]
    public void Looks_up_a_pair_in_either_order()
    {
        var matrix = new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80))]);

        Assert.Equal(TimeSpan.FromMilliseconds(80), matrix.RoundTripBetween("us", "eu"));
        Assert.Equal(TimeSpan.FromMilliseconds(80), matrix.RoundTripBetween("eu", "us"));
        Assert.Equal(TimeSpan.Zero, matrix.RoundTripBetween("eu", "apac"));
    }

    [Fact]
    public void Rejects_bad_entries()
    {
        var ms = TimeSpan.FromMilliseconds(1);
        Assert.Throws<ArgumentException>(() => new LatencyMatrix([new RegionLatency("eu", "eu", ms)]));
        Assert.Throws<ArgumentException>(() => new LatencyMatrix([new RegionLatency("eu", "us", -ms)]));
        Assert.Throws<ArgumentException>(() => new LatencyMatrix([new RegionLatency("eu", "us", ms), new RegionLatency("us", "eu", ms)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyMatrix([]) { Jitter = -ms });
    }

    [Fact]
    public void The_largest_round_trip_into_a_region_is_what_a_per_destination_link_gets()
    {
        var matrix = new LatencyMatrix(
        [
            new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80)),
            new RegionLatency("apac", "eu", TimeSpan.FromMilliseconds(150)),
            new RegionLatency("us", "apac", TimeSpan.FromMilliseconds(120)),
        ]);

        Assert.Equal(TimeSpan.FromMilliseconds(150), matrix.LargestRoundTripTo("eu"));
        Assert.Equal(TimeSpan.FromMilliseconds(120), matrix.LargestRoundTripTo("us"));
        Assert.Equal(TimeSpan.Zero, matrix.LargestRoundTripTo("mars"));
    }
}
