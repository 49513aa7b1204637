using Simulator.AppHost.Run;

namespace Simulator.AppHost.Tests.Run;

public sealed class StartFailureAdviceTests
{
    [Theory]
    [InlineData("# Warning: Could not create server TCP listening socket 127.0.0.1:23500: bind: Address already in use", "Port 23500 is taken")]
    [InlineData("[ALERT] (1) : Starting frontend http: cannot bind socket (Address already in use) [127.0.0.1:8080]", "Port 8080 is taken")]
    [InlineData("LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use", "A port it needs is taken")]
    [InlineData("bind: Cannot assign requested address", "an address this machine does not have")]
    [InlineData("FATAL:  data directory \"/tmp/x\" has invalid permissions; Permission denied", "Run `sim` as root")]
    [InlineData("exec: \"redis-server\": executable file not found in $PATH", "A program it needs is missing")]
    public void The_log_lines_say_how_to_fix_it(string line, string advice)
    {
        Assert.Contains(advice, StartFailureAdvice.For(["starting", line]), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_that_say_nothing_known_give_no_advice()
    {
        Assert.Null(StartFailureAdvice.For(["Ready to accept connections", "shutting down"]));
        Assert.Null(StartFailureAdvice.For([]));
    }
}
