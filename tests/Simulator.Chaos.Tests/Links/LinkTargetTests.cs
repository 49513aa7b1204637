namespace Simulator.Chaos.Tests.Links;

public sealed class LinkTargetTests
{
    private static readonly LinkName UsEuPostgres = LinkName.Parse("us->eu:postgres");
    private static readonly LinkName EuUsOdoo = LinkName.Parse("eu->us:odoo");
    private static readonly LinkName ApacEuPostgres = LinkName.Parse("apac->eu:postgres");

    [Theory]
    [InlineData("all", LinkTargetKind.All, null, null, null)]
    [InlineData("apac", LinkTargetKind.Region, "apac", null, null)]
    [InlineData("eu-us", LinkTargetKind.Pair, "eu", "us", null)]
    [InlineData("eu-west<->us-east", LinkTargetKind.Pair, "eu-west", "us-east", null)]
    [InlineData("eu->us", LinkTargetKind.Link, "eu", "us", null)]
    [InlineData("eu->us:postgres", LinkTargetKind.Link, "eu", "us", "postgres")]
    [InlineData("*->eu", LinkTargetKind.Link, "*", "eu", null)]
    [InlineData("*->eu:etcd-peer", LinkTargetKind.Link, "*", "eu", "etcd-peer")]
    public void Parses_every_form(string text, LinkTargetKind kind, string? first, string? second, string? service)
    {
        var target = LinkTarget.Parse(text);

        Assert.Equal(kind, target.Kind);
        Assert.Equal(first, target.First);
        Assert.Equal(second, target.Second);
        Assert.Equal(service, target.Service);
        Assert.Equal(text, target.ToString());
    }

    [Fact]
    public void A_known_region_with_a_hyphen_is_a_region_not_a_pair()
    {
        Assert.Equal(LinkTargetKind.Pair, LinkTarget.Parse("eu-west").Kind);
        var target = LinkTarget.Parse("eu-west", ["eu-west", "us-east"]);

        Assert.Equal(LinkTargetKind.Region, target.Kind);
        Assert.Equal("eu-west", target.First);
    }

    [Fact]
    public void A_name_with_several_hyphens_is_a_region()
    {
        var target = LinkTarget.Parse("eu-west-1");

        Assert.Equal(LinkTargetKind.Region, target.Kind);
        Assert.Equal("eu-west-1", target.First);
    }

    [Theory]
    [InlineData("")]
    [InlineData("eu->eu")]
    [InlineData("eu-eu")]
    [InlineData("eu->us:")]
    [InlineData("e u")]
    [InlineData("eu->*")]
    public void Rejects_what_is_not_a_target(string text)
    {
        Assert.False(LinkTarget.TryParse(text, null, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Selects_the_links_each_form_means()
    {
        LinkName[] links = [UsEuPostgres, EuUsOdoo, ApacEuPostgres];

        Assert.Equal(links, links.Where(LinkTarget.All.Matches));
        Assert.Equal([UsEuPostgres, EuUsOdoo, ApacEuPostgres], links.Where(LinkTarget.Region("eu").Matches));
        Assert.Equal([ApacEuPostgres], links.Where(LinkTarget.Region("apac").Matches));
        Assert.Equal([UsEuPostgres, EuUsOdoo], links.Where(LinkTarget.Between("eu", "us").Matches));
        Assert.Equal([UsEuPostgres], links.Where(LinkTarget.Link("us", "eu").Matches));
        Assert.DoesNotContain(links, LinkTarget.Link("us", "eu", "redis").Matches);
        Assert.Equal([EuUsOdoo], links.Where(LinkTarget.Link(EuUsOdoo).Matches));
    }

    [Fact]
    public void A_per_destination_link_is_selected_by_its_destination_all_and_a_star_target_only()
    {
        var anyToEu = LinkName.Parse("*->eu:etcd-peer");
        LinkName[] links = [UsEuPostgres, anyToEu];

        Assert.Equal(links, links.Where(LinkTarget.All.Matches));
        Assert.Equal(links, links.Where(LinkTarget.Region("eu").Matches));
        Assert.Equal([UsEuPostgres], links.Where(LinkTarget.Region("us").Matches));
        Assert.Equal([UsEuPostgres], links.Where(LinkTarget.Between("us", "eu").Matches));
        Assert.Equal([UsEuPostgres], links.Where(LinkTarget.Link("us", "eu").Matches));
        Assert.Equal([anyToEu], links.Where(LinkTarget.Parse("*->eu").Matches));
        Assert.Equal([anyToEu], links.Where(LinkTarget.Link(anyToEu).Matches));
        Assert.Equal(["eu"], LinkTarget.Parse("*->eu").Regions());
    }
}
