using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Conformance;

/// <summary>
/// Odoo's documented External API examples, driven by an independent client: Python's standard
/// library (<c>xmlrpc.client</c>, <c>urllib</c>) against the emulator listening on a real port.
/// The scripts assert; a non-zero exit fails the test with their output.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ExternalApiConformanceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private EmulatorFactory _factory = null!;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        _factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("conformance"));
        _url = _factory.StartListening();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Documented_xmlrpc_examples_behave_as_in_odoo()
    {
        var output = await PythonScript.RunAsync("external_api_xmlrpc.py", _url);
        Assert.Contains("all checks passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documented_examples_over_jsonrpc_behave_as_in_odoo()
    {
        var output = await PythonScript.RunAsync("external_api_jsonrpc.py", _url);
        Assert.Contains("all checks passed", output, StringComparison.Ordinal);
    }
}
