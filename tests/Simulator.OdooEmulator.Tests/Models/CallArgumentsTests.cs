using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models;

public sealed class CallArgumentsTests
{
    private static readonly string[] Parameters = ["domain", "fields", "offset", "limit", "order"];

    [Fact]
    public void Binds_positional_then_keyword_arguments()
    {
        var values = CallArguments.Bind("search_read", Json.Array("""[[], ["name"]]"""), Json.Object("""{"limit": 5}"""), Parameters, 0);

        Assert.Equal("[]", values[0]!.ToJsonString());
        Assert.Equal("""["name"]""", values[1]!.ToJsonString());
        Assert.Null(values[2]);
        Assert.Equal(5, (int)values[3]!);
        Assert.Null(values[4]);
    }

    [Theory]
    [InlineData("[1, 2, 3, 4, 5, 6]", "{}", "search_read() takes from 3 to 6 positional arguments but 7 were given")]
    [InlineData("[[]]", """{"domain": []}""", "search_read() got multiple values for argument 'domain'")]
    [InlineData("[]", """{"limt": 1}""", "search_read() got an unexpected keyword argument 'limt'")]
    [InlineData("[]", "{}", "search_read() missing 2 required positional arguments: 'domain' and 'fields'")]
    public void Raises_pythons_type_errors(string args, string kwargs, string message)
    {
        var error = Assert.Throws<OdooException>(() =>
            CallArguments.Bind("search_read", Json.Array(args), Json.Object(kwargs), Parameters, 2));

        Assert.Equal("builtins.TypeError", error.PythonType);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Plain_functions_do_not_count_self()
    {
        var error = Assert.Throws<OdooException>(() => CallArguments.Bind("exp_version", Json.Array("[1]"), [], [], 0, isMethod: false));

        Assert.Equal("exp_version() takes 0 positional arguments but 1 was given", error.Message);
    }

    [Fact]
    public void Record_ids_accept_one_id_or_a_list_and_drop_duplicates()
    {
        Assert.Equal([7], RecordIds.Parse(JsonValue.Create(7)));
        Assert.Equal([3, 1], RecordIds.Parse(Json.Array("[3, 1, 3]")));
        Assert.Empty(RecordIds.Parse(JsonValue.Create(false)));
        Assert.Equal("sale.order(7,)", RecordIds.Repr("sale.order", [7]));
        Assert.Equal("sale.order(7, 8)", RecordIds.Repr("sale.order", [7, 8]));
    }
}
