namespace Simulator.Scenarios.Tests.Values;

public class IntRangeTests
{
    [Theory]
    [InlineData("5..30", 5, 30)]
    [InlineData("1 .. 5", 1, 5)]
    [InlineData("5", 5, 5)]
    [InlineData("0..0", 0, 0)]
    public void Parses_ranges_and_single_numbers(string text, int min, int max)
    {
        var range = IntRange.Parse(text);
        Assert.Equal(min, range.Min);
        Assert.Equal(max, range.Max);
        Assert.Equal(min == max, range.IsSingle);
    }

    [Fact]
    public void A_reversed_range_is_an_error_with_the_fixed_range_as_hint()
    {
        Assert.False(IntRange.TryParse("30..5", out _, out var error));
        Assert.Equal("the range `30..5` is reversed", error.Message);
        Assert.Equal("write 5..30", error.Hint);
    }

    [Theory]
    [InlineData("5-30")]
    [InlineData("a..b")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("5..")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void Rejects_what_is_not_a_range_of_whole_numbers(string text)
    {
        Assert.False(IntRange.TryParse(text, out _, out var error));
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Writes_ranges_as_a_scenario_file_does()
    {
        Assert.Equal("5..30", new IntRange(5, 30).ToString());
        Assert.Equal("7", IntRange.Exactly(7).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntRange(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntRange(-1, 4));
    }
}
