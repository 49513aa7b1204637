using Simulator.Load.Scheduling;

namespace Simulator.Load.Tests.Scheduling;

public class ArrivalOffsetTests
{
    [Theory]
    [InlineData(10, 0, 0)]
    [InlineData(10, 7, 700)]
    [InlineData(0.5, 3, 6000)]
    [InlineData(0.25, 2, 8000)]
    [InlineData(3, 1, 333.3333)]
    public void Constant_rate_offsets_are_i_over_rate(double rate, long iteration, double expectedMs)
    {
        var offset = new ConstantRate(rate).ArrivalOffset(iteration);

        Assert.NotNull(offset);
        Assert.Equal(expectedMs, offset.Value.TotalMilliseconds, 3);
    }

    [Fact]
    public void Zero_rate_has_no_arrivals()
    {
        Assert.Null(new ConstantRate(0).ArrivalOffset(0));
        Assert.Equal(0, new ConstantRate(0).ExpectedArrivals(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Ramp_from_zero_follows_the_integral_of_the_rate()
    {
        // 0 -> 10/s over 10 s: N(t) = t^2 / 2, so arrival i is at sqrt(2i); 10/s holds afterwards.
        var ramp = new RampingRate(0, [new RateStage(10, TimeSpan.FromSeconds(10))]);

        Assert.Equal(TimeSpan.Zero, ramp.ArrivalOffset(0));
        Assert.Equal(Math.Sqrt(2), ramp.ArrivalOffset(1)!.Value.TotalSeconds, 6);
        Assert.Equal(Math.Sqrt(2 * 18), ramp.ArrivalOffset(18)!.Value.TotalSeconds, 6);
        Assert.Equal(10, ramp.ArrivalOffset(50)!.Value.TotalSeconds, 6);
        Assert.Equal(11, ramp.ArrivalOffset(60)!.Value.TotalSeconds, 6);
        Assert.Equal(50, ramp.ExpectedArrivals(TimeSpan.FromSeconds(10)), 6);
        Assert.Equal(150, ramp.ExpectedArrivals(TimeSpan.FromSeconds(20)), 6);
    }

    [Fact]
    public void Ramp_down_and_step_stages_keep_offsets_increasing()
    {
        var ramp = new RampingRate(20, [
            new RateStage(5, TimeSpan.FromSeconds(10)),
            new RateStage(40, TimeSpan.Zero),
            new RateStage(40, TimeSpan.FromSeconds(5)),
        ]);

        var offsets = Enumerable.Range(0, 400).Select(i => ramp.ArrivalOffset(i)!.Value).ToList();

        Assert.Equal(offsets.OrderBy(o => o), offsets);
        // 20 -> 5 over 10 s is 125 arrivals; then 40/s.
        Assert.Equal(10, ramp.ArrivalOffset(125)!.Value.TotalSeconds, 6);
        Assert.Equal(10.5, ramp.ArrivalOffset(145)!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Ramp_ending_at_zero_stops_arriving()
    {
        var ramp = new RampingRate(10, [new RateStage(0, TimeSpan.FromSeconds(2))]);

        Assert.NotNull(ramp.ArrivalOffset(10));
        Assert.Null(ramp.ArrivalOffset(11));
    }

    [Fact]
    public void Validation_reports_every_problem()
    {
        var errors = new RampingRate(-1, [new RateStage(double.NaN, TimeSpan.FromSeconds(-1))]).Validate();

        Assert.Equal(3, errors.Count);
        Assert.Single(new ConstantRate(-2).Validate());
        Assert.Empty(new ConstantRate(0.1).Validate());
    }
}
