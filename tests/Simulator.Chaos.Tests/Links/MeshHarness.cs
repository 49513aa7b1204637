namespace Simulator.Chaos.Tests.Links;

/// <summary>
/// A fault proxy with a three-region mesh over echo servers: us-&gt;eu:postgres, eu-&gt;us:postgres, eu-&gt;us:odoo
/// and apac-&gt;eu:postgres.
/// </summary>
internal sealed class MeshHarness : IAsyncDisposable
{
    private MeshHarness(Harness proxy, EchoServer euPostgres, EchoServer usPostgres, EchoServer usOdoo, ProxyMesh mesh)
    {
        Proxy = proxy;
        EuPostgres = euPostgres;
        UsPostgres = usPostgres;
        UsOdoo = usOdoo;
        Mesh = mesh;
    }

    public static readonly LinkName UsEuPostgres = LinkName.Parse("us->eu:postgres");
    public static readonly LinkName EuUsPostgres = LinkName.Parse("eu->us:postgres");
    public static readonly LinkName EuUsOdoo = LinkName.Parse("eu->us:odoo");
    public static readonly LinkName ApacEuPostgres = LinkName.Parse("apac->eu:postgres");

    public Harness Proxy { get; }

    public EchoServer EuPostgres { get; }

    public EchoServer UsPostgres { get; }

    public EchoServer UsOdoo { get; }

    public ProxyMesh Mesh { get; }

    public ToxiproxyClient Client => Proxy.Client;

    public static IReadOnlyList<CrossRegionLink> Links(EchoServer euPostgres, EchoServer usPostgres, EchoServer usOdoo) =>
    [
        new(UsEuPostgres, euPostgres.Address),
        new(EuUsPostgres, usPostgres.Address),
        new(EuUsOdoo, usOdoo.Address),
        new(ApacEuPostgres, euPostgres.Address),
    ];

    public static async Task<MeshHarness> StartAsync(bool extensions = true)
    {
        var proxy = await Harness.StartAsync(extensions);
        var euPostgres = new EchoServer();
        var usPostgres = new EchoServer();
        var usOdoo = new EchoServer();
        var mesh = await ProxyMesh.CreateAsync(proxy.Client, Links(euPostgres, usPostgres, usOdoo));
        return new MeshHarness(proxy, euPostgres, usPostgres, usOdoo, mesh);
    }

    public Task<System.Net.Sockets.Socket> ConnectAsync(LinkName link) => Net.ConnectAsync(Mesh.Get(link).Listen);

    public async Task<IReadOnlyList<ToxicInfo>> ToxicsAsync(LinkName link) => await Client.GetToxicsAsync(link.ToString());

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await EuPostgres.DisposeAsync();
        await UsPostgres.DisposeAsync();
        await UsOdoo.DisposeAsync();
    }
}
