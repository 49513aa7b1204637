using System.Globalization;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Odoo's <c>ir.sequence</c> with the "standard" implementation: the number comes from a
/// PostgreSQL sequence named <c>ir_sequence_%03d</c> after the row's id, so numbers are handed out
/// without locking (and, as in Odoo, a rolled-back call leaves a gap).
/// </summary>
internal static class IrSequence
{
    private const string NextSql = """
        WITH s AS (
            SELECT id, prefix, suffix, padding FROM ir_sequence
            WHERE code = @code AND active ORDER BY id LIMIT 1
        )
        SELECT prefix, suffix, padding,
               nextval(('ir_sequence_' || CASE WHEN id < 1000 THEN lpad(id::text, 3, '0') ELSE id::text END)::regclass)
        FROM s
        """;

    /// <summary>Odoo's PostgreSQL sequence name for <c>ir.sequence</c> row <paramref name="id"/>.</summary>
    public static string SequenceName(int id) => "ir_sequence_" + id.ToString(id < 1000 ? "D3" : "D", CultureInfo.InvariantCulture);

    private const string NextByIdSql = """
        SELECT prefix, suffix, padding,
               nextval(('ir_sequence_' || CASE WHEN id < 1000 THEN lpad(id::text, 3, '0') ELSE id::text END)::regclass)
        FROM ir_sequence WHERE id = @id
        """;

    /// <summary>The next formatted number of sequence <paramref name="id"/>, or null if there is no such sequence.</summary>
    public static async Task<string?> NextByIdAsync(OdooCursor cursor, int id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await using var command = cursor.CreateCommand(NextByIdSql);
        command.Parameters.AddWithValue("id", id);
        return await ReadNextAsync(command, cancellationToken);
    }

    /// <summary>The next formatted number for <paramref name="code"/>, or null if no sequence has that code.</summary>
    public static async Task<string?> NextByCodeAsync(OdooCursor cursor, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await using var command = cursor.CreateCommand(NextSql);
        command.Parameters.AddWithValue("code", code);
        return await ReadNextAsync(command, cancellationToken);
    }

    private static async Task<string?> ReadNextAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var prefix = reader.IsDBNull(0) ? "" : reader.GetString(0);
        var suffix = reader.IsDBNull(1) ? "" : reader.GetString(1);
        var padding = reader.GetInt32(2);
        var number = reader.GetInt64(3);
        // Odoo's '%%0%sd' % padding: zero-padded to at least `padding` digits.
        return prefix + number.ToString("D" + padding.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + suffix;
    }
}
