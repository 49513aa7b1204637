namespace Simulator.Scenarios.Tests.Network;

public class RegionPairTests
{
    [Theory]
    [InlineData("eu-us", "eu", "us")]
    [InlineData("eu-west<->us-east", "eu-west", "us-east")]
    [InlineData("eu<->us", "eu", "us")]
    public void Parses_both_spellings(string text, string first, string second)
    {
        var pair = RegionPair.Parse(text);
        Assert.Equal(first, pair.First);
        Assert.Equal(second, pair.Second);
    }

    [Theory]
    [InlineData("eu")]
    [InlineData("eu-west-us-east")]
    [InlineData("eu-")]
    [InlineData("eu us")]
    public void Rejects_what_is_not_two_regions(string text)
    {
        Assert.False(RegionPair.TryParse(text, out _, out var error));
        Assert.Contains("eu-west<->us-east", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_symmetric_and_written_back_readably()
    {
        var pair = new RegionPair("eu", "us");
        Assert.True(pair.SameLinkAs(new RegionPair("us", "eu")));
        Assert.False(pair.SameLinkAs(new RegionPair("us", "apac")));
        Assert.True(pair.Contains("us"));
        Assert.Equal("eu-us", pair.ToString());
        Assert.Equal("eu-west<->us", new RegionPair("eu-west", "us").ToString());
    }

    [Fact]
    public void Network_settings_find_a_latency_in_either_direction()
    {
        var network = new NetworkSettings
        {
            Latency = new Dictionary<RegionPair, TimeSpan> { [new RegionPair("eu", "us")] = TimeSpan.FromMilliseconds(80) },
        };
        Assert.Equal(TimeSpan.FromMilliseconds(80), network.LatencyBetween("us", "eu"));
        Assert.Equal(TimeSpan.Zero, network.LatencyBetween("eu", "apac"));
    }
}
