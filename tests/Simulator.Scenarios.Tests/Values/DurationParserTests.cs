namespace Simulator.Scenarios.Tests.Values;

public class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("20s", 20_000)]
    [InlineData("3m", 180_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h15m", 4_500_000)]
    [InlineData("1h0m5s250ms", 3_605_250)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0.5ms", 0.5)]
    [InlineData("0s", 0)]
    [InlineData("  20s ", 20_000)]
    public void Parses_every_unit_and_combination(string text, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationParser.Parse(text));
    }

    [Fact]
    public void A_bare_number_is_an_error_with_a_unit_hint()
    {
        Assert.False(DurationParser.TryParse("20", out _, out var error));
        Assert.Equal("the duration `20` has no unit", error.Message);
        Assert.Equal("write a unit: 20s or 20ms", error.Hint);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData("", "a duration is required here")]
    [InlineData("-5s", "a duration cannot be negative: `-5s`")]
    [InlineData("s", "`s` is not a duration")]
    [InlineData("1.s", "`1.s` is not a duration")]
    [InlineData("1m30", "`1m30` is not a duration: `30` has no unit")]
    [InlineData("20 s", "`20 s` is not a duration: `20` has no unit")]
    [InlineData("30s1m", "`30s1m` is not a duration: units must go from the largest to the smallest, each once")]
    [InlineData("1m1m", "`1m1m` is not a duration: units must go from the largest to the smallest, each once")]
    [InlineData("2d", "`d` is not a duration unit")]
    [InlineData("20S", "`S` is not a duration unit")]
    public void Rejects_malformed_durations(string text, string message)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("20sec", "write s, for example 20s")]
    [InlineData("5min", "write m, for example 3m")]
    [InlineData("2d", "write hours, for example 24h")]
    [InlineData("20S", "units are lower case: s")]
    [InlineData("20us", "the smallest unit is ms, for example 0.5ms")]
    public void Unknown_units_get_a_hint_naming_the_right_one(string text, string hint)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Equal(hint, error.Hint);
    }

    [Fact]
    public void Offset_points_at_the_unknown_unit()
    {
        Assert.False(DurationParser.TryParse("1m20x", out _, out var error));
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void Parse_throws_a_format_exception_carrying_message_and_hint()
    {
        var exception = Assert.Throws<FormatException>(() => DurationParser.Parse("20"));
        Assert.Equal("the duration `20` has no unit (write a unit: 20s or 20ms)", exception.Message);
    }

    [Fact]
    public void TryParse_without_details_reports_success_and_value()
    {
        Assert.True(DurationParser.TryParse("2m", out var value));
        Assert.Equal(TimeSpan.FromMinutes(2), value);
        Assert.False(DurationParser.TryParse(null, out _));
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(60_000, "1m")]
    [InlineData(250, "250ms")]
    [InlineData(1.5, "1.5ms")]
    [InlineData(0, "0s")]
    [InlineData(3_723_004, "1h2m3s4ms")]
    [InlineData(-2_000, "-2s")]
    public void Formats_like_a_scenario_file(double milliseconds, string expected)
    {
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("1m30s")]
    [InlineData("250ms")]
    [InlineData("26h")]
    [InlineData("1.25ms")]
    public void Format_reads_back_to_the_same_value(string text)
    {
        var value = DurationParser.Parse(text);
        Assert.Equal(value, DurationParser.Parse(DurationParser.Format(value)));
    }
}
