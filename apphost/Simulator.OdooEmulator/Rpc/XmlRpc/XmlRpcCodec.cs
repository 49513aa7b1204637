using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Simulator.OdooEmulator.Rpc.XmlRpc;

/// <summary>
/// XML-RPC (de)serialization as Odoo's server does it with Python's <c>xmlrpc.client</c>:
/// requests are read into the same JSON values the JSON-RPC side uses (<c>dateTime.iso8601</c>
/// becomes Odoo's <c>"YYYY-MM-DD HH:MM:SS"</c> string, <c>base64</c> the decoded bytes as text,
/// <c>nil</c> None), responses are written by Odoo's marshaller rules (<c>allow_none=False</c>,
/// control characters stripped).
/// </summary>
internal static class XmlRpcCodec
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Reads a <c>methodCall</c>: the method name and its parameters.</summary>
    public static (string Method, JsonArray Params) ReadMethodCall(Stream body)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(body, ReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new OdooException("xml.parsers.expat.ExpatError", ex.Message);
        }

        var call = document.Root;
        if (call is null || call.Name.LocalName != "methodCall")
        {
            throw OdooException.ResponseError("unexpected XML-RPC document: no methodCall");
        }

        var method = call.Element("methodName")?.Value.Trim()
            ?? throw OdooException.ResponseError("unexpected XML-RPC document: no methodName");
        var parameters = new JsonArray();
        foreach (var param in call.Element("params")?.Elements("param") ?? [])
        {
            var value = param.Element("value") ?? throw OdooException.ResponseError("param without value");
            parameters.Add(ReadValue(value));
        }

        return (method, parameters);
    }

    /// <summary>A <c>methodResponse</c> carrying <paramref name="result"/>.</summary>
    public static string WriteResponse(JsonNode? result)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n");
        WriteValue(xml, result);
        xml.Append("</param>\n</params>\n</methodResponse>\n");
        return xml.ToString();
    }

    /// <summary>A <c>methodResponse</c> carrying a fault with an int or string code.</summary>
    public static string WriteFault(JsonNode faultCode, string faultString)
    {
        var fault = new JsonObject { ["faultCode"] = faultCode, ["faultString"] = faultString };
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n");
        WriteValue(xml, fault);
        xml.Append("</fault>\n</methodResponse>\n");
        return xml.ToString();
    }

    private static JsonNode? ReadValue(XElement value)
    {
        var typed = value.Elements().FirstOrDefault();
        if (typed is null)
        {
            // A value without a type element is a string.
            return JsonValue.Create(value.Value);
        }

        var text = typed.Value;
        switch (typed.Name.LocalName)
        {
            case "int" or "i4" or "i8" or "i1" or "i2" or "biginteger":
                if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    throw OdooException.ValueError($"invalid literal for int() with base 10: '{text}'");
                }

                return integer is >= int.MinValue and <= int.MaxValue ? JsonValue.Create((int)integer) : JsonValue.Create(integer);
            case "boolean":
                return text.Trim() switch
                {
                    "1" => JsonValue.Create(true),
                    "0" => JsonValue.Create(false),
                    _ => throw new OdooException("builtins.TypeError", "bad boolean value"),
                };
            case "string":
                return JsonValue.Create(text);
            case "double" or "float" or "bigdecimal":
                if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw OdooException.ValueError($"could not convert string to float: '{text}'");
                }

                return JsonValue.Create(number);
            case "dateTime.iso8601":
                return JsonValue.Create(ParseDateTime(text.Trim()));
            case "base64":
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(text.Trim());
                }
                catch (FormatException)
                {
                    throw new OdooException("binascii.Error", "Incorrect padding");
                }

                // Odoo hands bytes on as they came; for binary fields they are the base64 text.
                return JsonValue.Create(Encoding.Latin1.GetString(bytes));
            case "nil":
                return null;
            case "array":
                var array = new JsonArray();
                foreach (var item in typed.Element("data")?.Elements("value") ?? [])
                {
                    array.Add(ReadValue(item));
                }

                return array;
            case "struct":
                var obj = new JsonObject();
                foreach (var member in typed.Elements("member"))
                {
                    var name = member.Element("name")?.Value ?? throw OdooException.ResponseError("struct member without name");
                    var memberValue = member.Element("value") ?? throw OdooException.ResponseError("struct member without value");
                    obj[name] = ReadValue(memberValue);
                }

                return obj;
            default:
                throw OdooException.ResponseError($"unknown tag '{typed.Name.LocalName}'");
        }
    }

    /// <summary><c>20240131T12:30:00</c> (also with dashes or a zone suffix) to Odoo's datetime string.</summary>
    private static string ParseDateTime(string text)
    {
        string[] formats = ["yyyyMMdd'T'HH:mm:ss", "yyyyMMdd'T'HHmmss", "yyyy-MM-dd'T'HH:mm:ss", "yyyyMMdd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        throw OdooException.ValueError($"time data '{text}' does not match format '%Y%m%dT%H:%M:%S'");
    }

    private static void WriteValue(StringBuilder xml, JsonNode? node)
    {
        xml.Append("<value>");
        switch (node)
        {
            case null:
                // Odoo marshals with allow_none=False.
                throw OdooException.TypeError("cannot marshal None unless allow_none is enabled");
            case JsonArray array:
                xml.Append("<array><data>\n");
                foreach (var item in array)
                {
                    WriteValue(xml, item);
                }

                xml.Append("</data></array>");
                break;
            case JsonObject obj:
                xml.Append("<struct>\n");
                foreach (var (name, value) in obj)
                {
                    xml.Append("<member>\n<name>").Append(Escape(name)).Append("</name>\n");
                    WriteValue(xml, value);
                    xml.Append("</member>\n");
                }

                xml.Append("</struct>");
                break;
            case JsonValue value:
                WriteScalar(xml, value);
                break;
        }

        xml.Append("</value>\n");
    }

    private static void WriteScalar(StringBuilder xml, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                xml.Append("<boolean>1</boolean>");
                break;
            case JsonValueKind.False:
                xml.Append("<boolean>0</boolean>");
                break;
            case JsonValueKind.Null:
                throw OdooException.TypeError("cannot marshal None unless allow_none is enabled");
            case JsonValueKind.String:
                xml.Append("<string>").Append(Escape(value.GetValue<string>())).Append("</string>");
                break;
            case JsonValueKind.Number when IsInteger(value, out var integer):
                if (integer is < int.MinValue or > int.MaxValue)
                {
                    throw new OdooException("builtins.OverflowError", "int exceeds XML-RPC limits");
                }

                xml.Append("<int>").Append(integer.ToString(CultureInfo.InvariantCulture)).Append("</int>");
                break;
            case JsonValueKind.Number:
                var number = double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                xml.Append("<double>").Append(PythonRepr(number)).Append("</double>");
                break;
            default:
                throw OdooException.TypeError($"cannot marshal {value.GetValueKind()} objects");
        }
    }

    /// <summary>
    /// True for Python ints: a number parsed from text without fraction or exponent, or one
    /// built from a .NET integer. Values built from doubles or decimals are Python floats even
    /// when whole (Odoo reads float fields as floats).
    /// </summary>
    private static bool IsInteger(JsonValue value, out long integer)
    {
        integer = 0;
        if (value.TryGetValue<JsonElement>(out var element))
        {
            var raw = element.GetRawText();
            return raw.IndexOfAny(['.', 'e', 'E']) < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
        }

        if (value.TryGetValue<double>(out _) || value.TryGetValue<float>(out _) || value.TryGetValue<decimal>(out _))
        {
            return false;
        }

        return long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer);
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, always with a fraction or exponent.</summary>
    private static string PythonRepr(double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) || text.Contains("Infinity", StringComparison.Ordinal) || text == "NaN"
            ? text.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal)
            : text + ".0";
    }

    /// <summary>Python's <c>xmlrpc.client.escape</c> after Odoo drops control characters XML 1.0 forbids.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '\t' or '\n' or '\r':
                    builder.Append(c);
                    break;
                case < ' ':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
