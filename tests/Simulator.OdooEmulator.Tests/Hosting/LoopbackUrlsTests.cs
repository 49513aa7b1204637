using Simulator.OdooEmulator.Hosting;

namespace Simulator.OdooEmulator.Tests.Hosting;

public sealed class LoopbackUrlsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8069")]
    [InlineData("http://localhost:5000;http://[::1]:5001")]
    [InlineData("http://127.0.0.1:0")]
    public void Accepts_loopback(string urls) => Assert.Empty(LoopbackUrls.NonLoopback(urls));

    [Theory]
    [InlineData("http://0.0.0.0:8069", "http://0.0.0.0:8069")]
    [InlineData("http://127.0.0.1:1;http://+:80;http://*:81", "http://+:80,http://*:81")]
    [InlineData("http://10.1.2.3:8069", "http://10.1.2.3:8069")]
    public void Rejects_everything_else(string urls, string rejected) =>
        Assert.Equal(rejected.Split(','), LoopbackUrls.NonLoopback(urls));
}
