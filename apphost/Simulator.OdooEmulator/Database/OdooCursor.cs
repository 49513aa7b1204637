using Npgsql;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// The connection a call works on inside its transaction, named after Odoo's <c>cr</c>.
/// The transaction is owned by <see cref="TransactionRunner"/>; model code only issues statements.
/// </summary>
internal sealed class OdooCursor(NpgsqlConnection connection)
{
    /// <summary>A command on the call's connection.</summary>
    public NpgsqlCommand CreateCommand(string sql, SqlParameters? parameters = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters?.ApplyTo(command);
        return command;
    }

    /// <summary>Runs a statement and returns the affected row count.</summary>
    public async Task<int> ExecuteAsync(string sql, SqlParameters? parameters, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql, SqlParameters? parameters, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
