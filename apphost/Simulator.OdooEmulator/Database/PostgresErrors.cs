using System.Net.Sockets;
using Npgsql;

namespace Simulator.OdooEmulator.Database;

/// <summary>Classifies database failures the way Odoo's service layer reacts to them.</summary>
internal static class PostgresErrors
{
    public const string SerializationFailure = "40001";
    public const string DeadlockDetected = "40P01";
    public const string LockNotAvailable = "55P03";
    public const string NotNullViolation = "23502";
    public const string ForeignKeyViolation = "23503";
    public const string UniqueViolation = "23505";

    /// <summary>Odoo's <c>PG_CONCURRENCY_ERRORS_TO_RETRY</c>: the call's transaction is retried.</summary>
    public static bool IsConcurrencyFailure(string sqlState) =>
        sqlState is SerializationFailure or DeadlockDetected or LockNotAvailable;

    /// <summary>Class 23: Odoo turns these into a <c>ValidationError</c>.</summary>
    public static bool IsIntegrityViolation(string sqlState) => sqlState.StartsWith("23", StringComparison.Ordinal);

    /// <summary>
    /// True when the connection itself failed (server down, restarted, unreachable, dropped the
    /// session) rather than the statement: the pooled connections are suspect and get cleared.
    /// </summary>
    public static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || pg.SqlState == "53300",
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>psycopg2's <c>errors</c> class name for the states Odoo retries on.</summary>
    public static string PsycopgName(string sqlState) => sqlState switch
    {
        SerializationFailure => "psycopg2.errors.SerializationFailure",
        DeadlockDetected => "psycopg2.errors.DeadlockDetected",
        LockNotAvailable => "psycopg2.errors.LockNotAvailable",
        _ when sqlState.StartsWith("42", StringComparison.Ordinal) => "psycopg2.ProgrammingError",
        _ when sqlState.StartsWith("22", StringComparison.Ordinal) => "psycopg2.DataError",
        _ when sqlState.StartsWith("XX", StringComparison.Ordinal) => "psycopg2.InternalError",
        _ => "psycopg2.OperationalError",
    };
}
