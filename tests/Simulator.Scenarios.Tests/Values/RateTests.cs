namespace Simulator.Scenarios.Tests.Values;

public class RateTests
{
    [Theory]
    [InlineData("20/s", 20)]
    [InlineData("1200/m", 20)]
    [InlineData("0.5/s", 0.5)]
    [InlineData("3/h", 3.0 / 3600)]
    [InlineData("0/s", 0)]
    [InlineData(" 20 / s ", 20)]
    public void Parses_per_second_minute_and_hour(string text, double perSecond)
    {
        Assert.Equal(perSecond, Rate.Parse(text).PerSecond, 12);
    }

    [Fact]
    public void A_bare_number_is_an_error_with_a_unit_hint()
    {
        Assert.False(Rate.TryParse("20", out _, out var error));
        Assert.Equal("the rate `20` has no unit", error.Message);
        Assert.Equal("write a unit: 20/s", error.Hint);
    }

    [Theory]
    [InlineData("20/d", "`d` is not a rate unit", 3)]
    [InlineData("20/sec", "`sec` is not a rate unit", 3)]
    [InlineData("-1/s", "a rate cannot be negative: `-1/s`", 0)]
    [InlineData("abc/s", "`abc/s` is not a rate", 0)]
    [InlineData("/s", "`/s` is not a rate", 0)]
    [InlineData("", "a rate is required here", 0)]
    public void Rejects_malformed_rates(string text, string message, int offset)
    {
        Assert.False(Rate.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
        Assert.Equal(offset, error.Offset);
    }

    [Theory]
    [InlineData("20/s", "20/s")]
    [InlineData("1200/m", "20/s")]
    [InlineData("0.5/s", "30/m")]
    [InlineData("3/h", "3/h")]
    [InlineData("2.5/s", "2.5/s")]
    public void Writes_the_unit_that_gives_a_whole_number(string text, string expected)
    {
        Assert.Equal(expected, Rate.Parse(text).ToString());
    }

    [Fact]
    public void Units_convert_and_compare_by_value()
    {
        Assert.Equal(Rate.Parse("1200/m"), new Rate(20));
        Assert.Equal(Rate.FromPerMinute(1200), Rate.FromPerHour(72_000));
        Assert.Equal(1200, new Rate(20).PerMinute, 9);
        Assert.Equal(72_000, new Rate(20).PerHour, 9);
    }

    [Fact]
    public void Negative_or_infinite_rates_cannot_be_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rate(double.PositiveInfinity));
        Assert.Throws<FormatException>(() => Rate.Parse("20"));
    }
}
