using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Rpc.XmlRpc;

namespace Simulator.OdooEmulator.Tests.Rpc.XmlRpc;

public sealed class XmlRpcCodecTests
{
    [Fact]
    public void Reads_every_type_python_sends()
    {
        const string Call = """
            <?xml version='1.0'?>
            <methodCall><methodName>execute_kw</methodName><params>
            <param><value><string>odoo</string></value></param>
            <param><value><int>2</int></value></param>
            <param><value>untyped</value></param>
            <param><value><boolean>1</boolean></value></param>
            <param><value><double>1.5</double></value></param>
            <param><value><dateTime.iso8601>20240517T08:30:00</dateTime.iso8601></value></param>
            <param><value><base64>aGVsbG8=</base64></value></param>
            <param><value><nil/></value></param>
            <param><value><array><data><value><i4>1</i4></value><value><string>a &amp; b</string></value></data></array></value></param>
            <param><value><struct><member><name>limit</name><value><int>5</int></value></member></struct></value></param>
            </params></methodCall>
            """;

        var (method, parameters) = XmlRpcCodec.ReadMethodCall(new MemoryStream(Encoding.UTF8.GetBytes(Call.Trim())));

        Assert.Equal("execute_kw", method);
        Assert.Equal("""["odoo",2,"untyped",true,1.5,"2024-05-17 08:30:00","hello",null,[1,"a & b"],{"limit":5}]""",
            parameters.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Writes_ints_doubles_booleans_and_escaped_strings_as_python_does()
    {
        var result = new JsonObject
        {
            ["id"] = 7,
            ["price"] = 20.0,
            ["ok"] = false,
            ["name"] = "A & <B>\u0001",
            ["ids"] = new JsonArray(1, 2),
        };

        var xml = XDocument.Parse(XmlRpcCodec.WriteResponse(result));
        var members = xml.Descendants("member").ToDictionary(m => m.Element("name")!.Value, m => m.Element("value")!.Elements().Single());

        Assert.Equal("int", members["id"].Name.LocalName);
        Assert.Equal(("double", "20.0"), (members["price"].Name.LocalName, members["price"].Value));
        Assert.Equal(("boolean", "0"), (members["ok"].Name.LocalName, members["ok"].Value));
        Assert.Equal("A & <B>", members["name"].Value);
        Assert.Equal("array", members["ids"].Name.LocalName);
    }

    [Fact]
    public void Refuses_to_marshal_none_as_odoo_does_without_allow_none()
    {
        var error = Assert.Throws<OdooException>(() => XmlRpcCodec.WriteResponse(new JsonArray(1, null)));

        Assert.Equal("builtins.TypeError", error.PythonType);
    }

    [Theory]
    [InlineData("odoo.exceptions.AccessDenied", 3)]
    [InlineData("odoo.exceptions.AccessError", 4)]
    [InlineData("odoo.exceptions.UserError", 2)]
    [InlineData("odoo.exceptions.ValidationError", 2)]
    [InlineData("odoo.exceptions.MissingError", 2)]
    [InlineData("builtins.ValueError", 1)]
    [InlineData("psycopg2.OperationalError", 1)]
    public void Fault_codes_follow_odoo_rpc_py(string pythonType, int code)
    {
        var (faultCode, faultString) = XmlRpcFaults.IntFault(new OdooException(pythonType, "boom"));

        Assert.Equal(code, (int)faultCode);
        Assert.DoesNotContain("  File ", faultString, StringComparison.Ordinal);
    }
}
