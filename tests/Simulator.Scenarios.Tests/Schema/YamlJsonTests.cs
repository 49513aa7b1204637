using System.Text.Json;

namespace Simulator.Scenarios.Tests.Schema;

/// <summary>The YAML-to-JSON reading the schema tests rely on types scalars as an editor's YAML 1.2 server does.</summary>
public class YamlJsonTests
{
    [Theory]
    [InlineData("a: 20", JsonValueKind.Number)]
    [InlineData("a: -3", JsonValueKind.Number)]
    [InlineData("a: 1.5", JsonValueKind.Number)]
    [InlineData("a: '20'", JsonValueKind.String)]
    [InlineData("a: \"20\"", JsonValueKind.String)]
    [InlineData("a: !!str 20", JsonValueKind.String)]
    [InlineData("a: 20/s", JsonValueKind.String)]
    [InlineData("a: 1..5", JsonValueKind.String)]
    [InlineData("a: true", JsonValueKind.True)]
    [InlineData("a: yes", JsonValueKind.String)]
    [InlineData("a: off", JsonValueKind.String)]
    [InlineData("a: ~", JsonValueKind.Null)]
    [InlineData("a:", JsonValueKind.Null)]
    [InlineData("a: [1, x]", JsonValueKind.Array)]
    [InlineData("a: { b: c }", JsonValueKind.Object)]
    public void Scalars_are_typed_by_the_yaml_1_2_core_schema(string yaml, JsonValueKind kind)
    {
        var value = YamlJson.Read(yaml)!["a"];

        Assert.Equal(kind, value is null ? JsonValueKind.Null : value.GetValueKind());
    }

    [Fact]
    public void Anchors_and_aliases_are_resolved()
    {
        var json = YamlJson.Read("base: &b { rate: 5/s }\ncopy: *b")!;

        Assert.Equal("5/s", json["copy"]!["rate"]!.GetValue<string>());
    }
}
