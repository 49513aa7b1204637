using Npgsql;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Collects the parameters of a statement built from pieces (domains, field lists), handing out
/// placeholder names so values never get spliced into SQL text.
/// </summary>
internal sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <summary>Adds a value and returns its placeholder (<c>@p0</c>, <c>@p1</c>, ...).</summary>
    public string Add(object? value)
    {
        var name = "p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        return "@" + name;
    }

    /// <summary>Copies the parameters onto a command.</summary>
    public void ApplyTo(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var parameter in _parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }
    }
}
