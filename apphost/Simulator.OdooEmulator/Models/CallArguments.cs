using System.Globalization;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>
/// Binds positional and keyword arguments to a method's parameters the way Python does, with
/// Python's <c>TypeError</c> messages for too many, missing, duplicate or unknown arguments.
/// </summary>
internal static class CallArguments
{
    /// <summary>
    /// Returns one value per parameter (null for None or not given).
    /// </summary>
    /// <param name="function">Method name, for messages.</param>
    /// <param name="positional">Positional arguments.</param>
    /// <param name="kwargs">Keyword arguments.</param>
    /// <param name="parameters">Parameter names in order.</param>
    /// <param name="required">How many leading parameters have no default.</param>
    /// <param name="isMethod">True for methods, whose <c>self</c> Python counts in its messages.</param>
    public static JsonNode?[] Bind(
        string function, IList<JsonNode?> positional, JsonObject kwargs, IReadOnlyList<string> parameters, int required, bool isMethod = true)
    {
        ArgumentNullException.ThrowIfNull(positional);
        ArgumentNullException.ThrowIfNull(kwargs);
        ArgumentNullException.ThrowIfNull(parameters);
        if (positional.Count > parameters.Count)
        {
            throw TooMany(function, positional.Count, parameters.Count, required, isMethod ? 1 : 0);
        }

        var values = new JsonNode?[parameters.Count];
        var given = new bool[parameters.Count];
        for (var i = 0; i < positional.Count; i++)
        {
            values[i] = positional[i];
            given[i] = true;
        }

        foreach (var (name, value) in kwargs)
        {
            var index = IndexOf(parameters, name);
            if (index < 0)
            {
                throw OdooException.TypeError($"{function}() got an unexpected keyword argument '{name}'");
            }

            if (given[index])
            {
                throw OdooException.TypeError($"{function}() got multiple values for argument '{name}'");
            }

            values[index] = value;
            given[index] = true;
        }

        var missing = Enumerable.Range(0, required).Where(i => !given[i]).Select(i => $"'{parameters[i]}'").ToList();
        if (missing.Count > 0)
        {
            var plural = missing.Count == 1 ? "argument" : "arguments";
            var names = missing.Count == 1 ? missing[0] : string.Join(", ", missing[..^1]) + " and " + missing[^1];
            throw OdooException.TypeError(string.Create(
                CultureInfo.InvariantCulture, $"{function}() missing {missing.Count} required positional {plural}: {names}"));
        }

        return values;
    }

    /// <summary>Python's wording, e.g. "takes from 1 to 6 positional arguments but 7 were given".</summary>
    private static OdooException TooMany(string function, int given, int total, int required, int self)
    {
        var takes = required == total
            ? (total + self).ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"from {required + self} to {total + self}");
        var noun = required == total && total + self == 1 ? "argument" : "arguments";
        var verb = given + self == 1 ? "was" : "were";
        return OdooException.TypeError(string.Create(
            CultureInfo.InvariantCulture, $"{function}() takes {takes} positional {noun} but {given + self} {verb} given"));
    }

    private static int IndexOf(IReadOnlyList<string> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(parameters[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
