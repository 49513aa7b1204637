namespace Simulator.Scenarios.Tests.Loading;

public class WorkloadKindTests
{
    private const string Header = "name: x\nduration: 60s\nworkloads:\n";

    [Fact]
    public void A_workload_name_that_is_no_kind_asks_for_kind()
    {
        var error = Fixtures.SingleError(Header + "  - { name: checkout, region: eu, model: constant-rate, rate: 1/s }\n");
        Assert.Equal((4, 13, "workloads[0].kind"), (error.Line, error.Column, error.Field));
        Assert.Equal("`checkout` is not a known workload kind, and the workload sets no `kind`", error.Message);
        Assert.Equal("add kind: with one of http, order-import, portal-browse, warehouse-scan, web-browse", error.Hint);
    }

    [Fact]
    public void An_unknown_explicit_kind_suggests_a_known_one()
    {
        var error = Fixtures.SingleError(Header + "  - { name: bulk, kind: order-imports, region: eu, model: constant-rate, rate: 1/s }\n");
        Assert.Equal("unknown workload kind `order-imports`", error.Message);
        Assert.Equal("did you mean `order-import`?", error.Hint);
    }

    [Fact]
    public void A_parameter_of_another_kind_says_whose_it_is()
    {
        var error = Fixtures.SingleError(Header + "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, backlog: 4 }\n");
        Assert.Equal("unknown key `backlog`", error.Message);
        Assert.Equal("`backlog` is a parameter of warehouse-scan workloads, and this workload's kind is `order-import`", error.Hint);
    }

    [Fact]
    public void Parameter_values_are_checked_against_their_type()
    {
        var error = Fixtures.SingleError(Header + "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, customers: many }\n");
        Assert.Equal(("workloads[0].customers", "`many` is not a whole number"), (error.Field, error.Message));
    }

    [Fact]
    public void An_order_import_acknowledges_on_read_back_or_on_commit()
    {
        var result = Fixtures.Parse(Header
            + "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, ack: commit }\n"
            + "  - { name: order-import, region: us, model: constant-rate, rate: 1/s, ack: read-back }\n"
            + "  - { name: order-import, region: apac, model: constant-rate, rate: 1/s, ack: comit }\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((6, 79, "workloads[2].ack"), (error.Line, error.Column, error.Field));
        Assert.Equal(("`comit` is not an acknowledgement mode", "did you mean `commit`?"), (error.Message, error.Hint));
    }

    [Fact]
    public void Sizes_that_cannot_be_empty_must_be_above_zero()
    {
        var result = Fixtures.Parse(Header
            + "  - { name: portal-browse, region: eu, model: constant-rate, rate: 1/s, customers: 0, page_size: 20, pages: -1 }\n"
            + "  - { name: warehouse-scan, region: eu, model: constant-rate, rate: 1/s, backlog: 0, products: 0 }\n");

        Assert.Equal(
            [
                ("workloads[0].customers", "must be above zero"),
                ("workloads[0].pages", "`-1` is not a whole number"),
                ("workloads[1].products", "must be above zero"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void The_default_kinds_take_their_own_parameters()
    {
        var result = Fixtures.Parse(Header
            + "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, customers: 20, products: 50 }\n"
            + "  - { name: warehouse-scan, region: eu, model: constant-rate, rate: 1/s, backlog: 0, products: 10 }\n"
            + "  - { name: portal-browse, region: eu, model: constant-rate, rate: 1/s, customers: 20, page_size: 10, pages: 5 }\n");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(
            [
                "customers=20, products=50",
                "backlog=0, products=10",
                "customers=20, page_size=10, pages=5",
            ],
            result.Scenario.Workloads.Select(w => string.Join(", ", w.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))));
    }

    [Fact]
    public void A_custom_registry_adds_kinds_and_typed_parameters()
    {
        var kinds = WorkloadKindRegistry.Default.With(new WorkloadKind("login", new Dictionary<string, WorkloadParameterType>
        {
            ["session_length"] = WorkloadParameterType.Duration,
            ["pages"] = WorkloadParameterType.WholeNumberRange,
            ["target"] = WorkloadParameterType.Rate,
            ["label"] = WorkloadParameterType.Text,
        }));
        var options = new ScenarioLoadOptions { WorkloadKinds = kinds };
        var result = Fixtures.Parse(
            Header + "  - { name: login, region: eu, model: constant-rate, rate: 1/s, session_length: 5m, pages: 2..4, target: 3/s, label: morning }\n",
            options);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var parameters = result.Scenario.Workloads[0].Parameters;
        Assert.Equal("5m", parameters["session_length"]);
        Assert.Equal("2..4", parameters["pages"]);
        Assert.Equal("3/s", parameters["target"]);
        Assert.Equal("morning", parameters["label"]);
        Assert.Equal(["http", "login", "order-import", "portal-browse", "warehouse-scan", "web-browse"], kinds.Kinds.Select(k => k.Name));

        var bad = Fixtures.Parse(Header + "  - { name: login, region: eu, model: constant-rate, rate: 1/s, session_length: 5 }\n", options);
        Assert.Equal("write a unit: 5s or 5ms", Assert.Single(bad.Errors).Hint);
    }
}
