namespace Simulator.Chaos.Tests.Links;

public sealed class LinkNameTests
{
    [Theory]
    [InlineData("us->eu:postgres", "us", "eu", "postgres")]
    [InlineData("eu->us:odoo", "eu", "us", "odoo")]
    [InlineData("eu-west->us-east:redis", "eu-west", "us-east", "redis")]
    [InlineData("a_1->b.2:etcd-peer", "a_1", "b.2", "etcd-peer")]
    [InlineData("*->eu:etcd-peer", "*", "eu", "etcd-peer")]
    public void Parses_and_formats_round_trip(string text, string from, string to, string service)
    {
        var name = LinkName.Parse(text);

        Assert.Equal(from, name.From);
        Assert.Equal(to, name.To);
        Assert.Equal(service, name.Service);
        Assert.Equal(text, name.ToString());
        Assert.Equal(name, new LinkName(from, to, service));
    }

    [Theory]
    [InlineData("")]
    [InlineData("us-eu:postgres")]
    [InlineData("us->eu")]
    [InlineData("->eu:postgres")]
    [InlineData("us->:postgres")]
    [InlineData("us->eu:")]
    [InlineData("us->eu:pg:x")]
    [InlineData("us ->eu:postgres")]
    [InlineData("us-->eu:postgres")]
    [InlineData("**->eu:postgres")]
    [InlineData("us->*:postgres")]
    [InlineData("us->eu:*")]
    public void Rejects_what_is_not_a_link_name(string text)
    {
        Assert.False(LinkName.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => LinkName.Parse(text));
    }

    [Fact]
    public void Constructor_checks_its_parts()
    {
        Assert.Throws<ArgumentException>(() => new LinkName("us", "eu", "a:b"));
        Assert.Throws<ArgumentException>(() => new LinkName("", "eu", "postgres"));
    }

    [Fact]
    public void Touches_either_end()
    {
        var name = LinkName.Parse("us->eu:postgres");

        Assert.True(name.Touches("us"));
        Assert.True(name.Touches("eu"));
        Assert.False(name.Touches("apac"));
    }

    [Fact]
    public void A_per_destination_link_touches_its_destination_only()
    {
        var name = LinkName.Parse("*->eu:etcd-peer");

        Assert.True(name.IsFromAnyRegion);
        Assert.False(LinkName.Parse("us->eu:postgres").IsFromAnyRegion);
        Assert.True(name.Touches("eu"));
        Assert.False(name.Touches("us"));
    }
}
