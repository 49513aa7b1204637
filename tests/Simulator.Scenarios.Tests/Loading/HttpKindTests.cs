namespace Simulator.Scenarios.Tests.Loading;

/// <summary>The <c>http</c> workload kind: its parameters and their checks.</summary>
public class HttpKindTests
{
    private const string Header = "name: x\nduration: 60s\nworkloads:\n";

    [Fact]
    public void Reads_path_method_status_body_and_timeout()
    {
        var result = Fixtures.Parse(Header + """
              - name: login
                kind: http
                region: eu
                model: constant-rate
                rate: 2/s
                path: /web/session/authenticate?x=1
                method: post
                status: 200-204
                body: '{"login": "admin"}'
                content_type: application/json
                timeout: 2s
            """);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var parameters = result.Scenario.Workloads[0].Parameters;
        Assert.Equal("/web/session/authenticate?x=1", parameters["path"]);
        Assert.Equal("POST", parameters["method"]);
        Assert.Equal("200-204", parameters["status"]);
        Assert.Equal("{\"login\": \"admin\"}", parameters["body"]);
        Assert.Equal("application/json", parameters["content_type"]);
        Assert.Equal("2s", parameters["timeout"]);
    }

    [Fact]
    public void Headers_are_a_mapping_of_names_to_one_line_values()
    {
        var ok = Fixtures.Parse(Header + """
              - name: tenant
                kind: http
                region: eu
                model: constant-rate
                rate: 1/s
                path: /web/health
                headers: { Authorization: "Bearer a: b", X-Tenant: acme }
            """);
        var notMapping = Fixtures.SingleError(Header + "  - { name: ping, kind: http, region: eu, model: constant-rate, rate: 1/s, path: /x, headers: Authorization }\n");
        var badName = Fixtures.SingleError(Header + "  - { name: ping, kind: http, region: eu, model: constant-rate, rate: 1/s, path: /x, headers: { \"X Tenant\": a } }\n");
        var twice = Fixtures.SingleError(Header + "  - { name: ping, kind: http, region: eu, model: constant-rate, rate: 1/s, path: /x, headers: { X-A: a, x-a: b } }\n");

        Assert.True(ok.Succeeded, string.Join(Environment.NewLine, ok.Errors));
        Assert.Equal("Authorization: Bearer a: b\nX-Tenant: acme", ok.Scenario.Workloads[0].Parameters["headers"]);
        Assert.Equal(("workloads[0].headers", "expected a mapping of header names to values, found a value"), (notMapping.Field, notMapping.Message));
        Assert.Equal(("workloads[0].headers", "`X Tenant` is not a header name"), (badName.Field, badName.Message));
        Assert.Equal("header `x-a` is given twice (names are case-insensitive)", twice.Message);
    }

    [Fact]
    public void The_path_is_required()
    {
        var error = Fixtures.SingleError(Header + "  - { name: ping, kind: http, region: eu, model: constant-rate, rate: 1/s }\n");

        Assert.Equal((4, 5, "workloads[0].path"), (error.Line, error.Column, error.Field));
        Assert.Equal("missing required key `path`", error.Message);
        Assert.Equal("add e.g. path: /web/health", error.Hint);
    }

    [Theory]
    [InlineData("path: web/health", "workloads[0].path", "`web/health` is not a path on the region's ingress: it must start with a single /", "e.g. path: /web/health", 0)]
    [InlineData("path: http://127.0.0.1/web", "workloads[0].path", "`http://127.0.0.1/web` is not a path on the region's ingress: it must start with a single /", "the host is the region's ingress: write only the path, e.g. /web/health", 0)]
    [InlineData("path: /a b", "workloads[0].path", "`/a b` holds ` `, which a URL path cannot", "encode it, e.g. %20 for a space", 2)]
    [InlineData("method: PSOT", "workloads[0].method", "`PSOT` is not an HTTP method", "did you mean `POST`?", 0)]
    [InlineData("method: FETCH", "workloads[0].method", "`FETCH` is not an HTTP method", "use `GET`, `HEAD`, `POST`, `PUT`, `PATCH`, `DELETE` or `OPTIONS`", 0)]
    [InlineData("status: 700", "workloads[0].status", "`700` is not an HTTP status or range of statuses", "write 200, 2xx or 200-204 (100–599, low to high)", 0)]
    [InlineData("status: 204-200", "workloads[0].status", "`204-200` is not an HTTP status or range of statuses", "write 200, 2xx or 200-204 (100–599, low to high)", 0)]
    [InlineData("content_type: json", "workloads[0].content_type", "`json` is not a media type", "e.g. application/json or text/plain; charset=utf-8", 0)]
    [InlineData("timeout: 2", "workloads[0].timeout", "the duration `2` has no unit", "write a unit: 2s or 2ms", 0)]
    public void Each_value_is_checked_where_it_is_written(string line, string field, string message, string hint, int offset)
    {
        var isPath = line.StartsWith("path:", StringComparison.Ordinal);
        var yaml = Header + "  - name: ping\n    kind: http\n    region: eu\n    model: constant-rate\n    rate: 1/s\n"
            + (isPath ? string.Empty : "    path: /web/health\n")
            + $"    {line}\n";

        var error = Fixtures.SingleError(yaml);

        Assert.Equal((field, message, hint), (error.Field, error.Message, error.Hint));
        Assert.Equal((isPath ? 9 : 10, line.IndexOf(':', StringComparison.Ordinal) + 7 + offset), (error.Line, error.Column));
    }

    [Fact]
    public void Http_parameters_belong_to_http_workloads_only()
    {
        var error = Fixtures.SingleError(Header + "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, path: /x }\n");

        Assert.Equal("`path` is a parameter of http workloads, and this workload's kind is `order-import`", error.Hint);
    }
}
