using Microsoft.Extensions.Configuration;
using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Tests.Configuration;

public sealed class OdooEmulatorOptionsTests
{
    [Fact]
    public void Defaults_match_the_documented_ones()
    {
        var options = OdooEmulatorOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal("odoo", options.DatabaseName);
        Assert.Equal("admin", options.Login);
        Assert.Equal("admin", options.Password);
        Assert.Equal(200, options.Seed.Products);
        Assert.Equal(50, options.Seed.Partners);
        Assert.Equal(0, options.CallCostMs);
        Assert.Equal(5, options.Retry.MaxTries);
        Assert.Equal(1000, options.Retry.BaseDelayMs);
        Assert.Equal(4, options.Workers);
        Assert.Equal(120, options.LimitTimeReal);
        Assert.Equal(64, options.DbMaxConn);
        Assert.Equal(1200, options.DbReplicaRetrySeconds);
        Assert.Equal(1000, options.Seed.StockPerProduct);
        Assert.Equal(["eu"], options.WarehouseCodes);
        Assert.Null(options.ApiKey);
        Assert.Null(options.Redis);
        Assert.Null(options.DbReplica);
        Assert.False(options.S3.IsConfigured);
    }

    [Theory]
    [InlineData("eu,us", new[] { "eu", "us" })]
    [InlineData(" apac ", new[] { "apac" })]
    public void Warehouses_accept_a_comma_separated_value(string value, string[] expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Odoo:Warehouses"] = value }).Build();

        Assert.Equal(expected, OdooEmulatorOptions.From(configuration).WarehouseCodes);
    }

    [Fact]
    public void Warehouses_bind_as_a_list_too()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Odoo:Region"] = "us",
            ["Odoo:Warehouses:0"] = "eu",
            ["Odoo:Warehouses:1"] = "us",
        }).Build();

        Assert.Equal(["eu", "us"], OdooEmulatorOptions.From(configuration).WarehouseCodes);
    }

    [Fact]
    public void New_keys_are_validated_together()
    {
        var options = new OdooEmulatorOptions
        {
            Database = "Host=127.0.0.1",
            Workers = 0,
            LimitTimeReal = 0,
            DbMaxConn = 0,
            Region = "toolong",
            ApiKey = "",
            DbReplica = "Host=x;Bogus Key=1",
            S3 = new S3Options { Endpoint = "ftp://x", AccessKey = "" },
        };

        var errors = options.Validate();

        Assert.Equal(8, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Odoo:Workers", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Odoo:S3:Endpoint", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Odoo:DbReplica", StringComparison.Ordinal));
    }

    [Fact]
    public void Binds_nested_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Odoo:Database"] = "Host=127.0.0.1;Port=5432;Username=odoo",
            ["Odoo:DatabaseName"] = "acme",
            ["Odoo:CallCostMs"] = "25",
            ["Odoo:Seed:Products"] = "10",
            ["Odoo:Retry:MaxTries"] = "3",
        }).Build();

        var options = OdooEmulatorOptions.From(configuration);

        Assert.Empty(options.Validate());
        Assert.Equal("acme", options.DatabaseName);
        Assert.Equal(TimeSpan.FromMilliseconds(25), options.CallCost);
        Assert.Equal(10, options.Seed.Products);
        Assert.Equal(50, options.Seed.Partners);
        Assert.Equal(3, options.Retry.MaxTries);
    }

    [Fact]
    public void Validation_reports_every_problem_at_once()
    {
        var options = new OdooEmulatorOptions
        {
            Database = "",
            DatabaseName = " ",
            Password = "",
            CallCostMs = -1,
            Seed = new SeedOptions { Products = -5 },
            Retry = new RetryOptions { MaxTries = 0 },
        };

        var errors = options.Validate();

        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Odoo:Database is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Odoo:Retry:MaxTries", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Odoo:Seed:Products", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_connection_string_is_reported()
    {
        var errors = new OdooEmulatorOptions { Database = "Host=x;Bogus Key=1" }.Validate();

        Assert.Single(errors);
        Assert.StartsWith("Odoo:Database is not a valid Npgsql connection string", errors[0], StringComparison.Ordinal);
    }
}
