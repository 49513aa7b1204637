using System.Globalization;
using Npgsql;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Models;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// Turns whatever a call threw into the error Odoo would report: integrity violations become
/// <c>ValidationError</c> (Odoo's <c>_as_validation_error</c>), exhausted retries keep psycopg2's
/// error class, a lost or refused connection is a <c>psycopg2.OperationalError</c>, and anything
/// unexpected is reported without its .NET stack trace.
/// </summary>
internal sealed class ExceptionTranslator(ModelRegistry registry)
{
    public OdooException Translate(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OdooException odoo => odoo,
            PostgresException pg when PostgresErrors.IsIntegrityViolation(pg.SqlState) => ValidationError(pg),
            PostgresException pg when PostgresErrors.IsConnectionFailure(pg) => OdooException.OperationalError(pg.MessageText, pg),
            PostgresException pg => new OdooException(PostgresErrors.PsycopgName(pg.SqlState), pg.MessageText, pg),
            _ when PostgresErrors.IsConnectionFailure(exception) => OdooException.OperationalError(ConnectionMessage(exception), exception),
            _ => new OdooException("builtins.RuntimeError", exception.Message, exception),
        };
    }

    private OdooException ValidationError(PostgresException pg)
    {
        var model = registry.FindByTable(pg.TableName);
        var modelName = model is null ? "Unknown (unknown)" : $"{model.Description} ({model.Name})";
        var field = model?.FindFieldByColumn(pg.ColumnName);
        var fieldName = field is null ? "Unknown (unknown)" : $"{field.Label} ({field.Name})";
        var message = pg.SqlState switch
        {
            PostgresErrors.NotNullViolation =>
                "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n" +
                "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n" +
                $"Model: {modelName}\nField: {fieldName}\n",
            PostgresErrors.ForeignKeyViolation =>
                "The operation cannot be completed: another model requires the record being deleted. " +
                $"If possible, archive it instead.\n\nModel: {modelName}\nConstraint: {pg.ConstraintName}\n",
            _ when model is not null && pg.ConstraintName is { } constraint
                && model.SqlConstraintMessages.TryGetValue(constraint, out var text) =>
                $"The operation cannot be completed: {text}",
            _ => $"The operation cannot be completed: {pg.MessageText}",
        };
        return OdooException.ValidationError(message, pg);
    }

    /// <summary>psycopg2's wording for a server it cannot reach, with the underlying reason.</summary>
    private static string ConnectionMessage(Exception exception)
    {
        var reason = exception.InnerException?.Message ?? exception.Message;
        return string.Create(CultureInfo.InvariantCulture, $"connection to server failed: {reason}");
    }
}
