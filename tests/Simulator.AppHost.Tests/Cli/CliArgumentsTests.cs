using Simulator.AppHost.Cli;

namespace Simulator.AppHost.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Fact]
    public void Splits_positionals_options_and_flags()
    {
        var args = CliArguments.Parse(["scenario.yaml", "--out", "dir", "--duration=20s", "--no-dashboard"], "no-dashboard");

        Assert.Equal(["scenario.yaml"], args.Positionals);
        Assert.Equal("dir", args.Option("out"));
        Assert.Equal("20s", args.Option("duration"));
        Assert.True(args.Flag("no-dashboard"));
        Assert.Null(args.Option("endpoints"));
        args.RejectUnknownOptions();
    }

    [Fact]
    public void An_option_without_its_value_is_a_usage_error()
    {
        var error = Assert.Throws<CliUsageException>(() => CliArguments.Parse(["run", "--out"]));
        Assert.Contains("--out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_the_verb_did_not_read_are_rejected_by_name()
    {
        var args = CliArguments.Parse(["--out", "x", "--durration", "5s"]);
        _ = args.Option("out");

        var error = Assert.Throws<CliUsageException>(args.RejectUnknownOptions);
        Assert.Contains("--durration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--out", error.Message, StringComparison.Ordinal);
    }
}
