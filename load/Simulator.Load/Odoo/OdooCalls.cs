using System.Text.Json;
using Simulator.Load.Measurement;

namespace Simulator.Load.Odoo;

/// <summary>The ORM calls the workloads make, as <c>execute_kw</c> with Odoo's keyword arguments.</summary>
internal static class OdooCalls
{
    /// <summary>
    /// <c>search_read(domain, fields, offset, limit, order)</c>; null arguments are left out so Odoo's defaults apply.
    /// </summary>
    public static Task<JsonElement> SearchReadAsync(
        this IOdooModelCalls client,
        string model,
        IReadOnlyList<object?> domain,
        IReadOnlyList<string> fields,
        ITransferMeter? meter,
        CancellationToken cancellationToken,
        int? limit = null,
        int? offset = null,
        string? order = null)
    {
        var kwargs = new Dictionary<string, object?> { ["fields"] = fields };
        if (limit is { } l)
        {
            kwargs["limit"] = l;
        }

        if (offset is { } o)
        {
            kwargs["offset"] = o;
        }

        if (order is not null)
        {
            kwargs["order"] = order;
        }

        return client.CallKwAsync(model, "search_read", [domain], kwargs, meter, cancellationToken);
    }

    /// <summary><c>read(ids, fields)</c>.</summary>
    public static Task<JsonElement> ReadAsync(
        this IOdooModelCalls client, string model, IReadOnlyList<int> ids, IReadOnlyList<string> fields, ITransferMeter? meter, CancellationToken cancellationToken)
        => client.CallKwAsync(model, "read", [ids], new Dictionary<string, object?> { ["fields"] = fields }, meter, cancellationToken);

    /// <summary>
    /// <c>read(ids, fields)</c> of records this client has just written. When Odoo sends reads to a replica
    /// (<c>db_replica_host</c>), the replica may not have replayed the write yet and answers <c>MissingError</c>:
    /// the read is tried again, <paramref name="tries"/> times at most, <paramref name="pause"/> apart (on the client's
    /// clock), so the wait for replication shows in the read's latency. Still missing after that, the write stands but
    /// cannot be seen, so the outcome is unknown (<c>read-after-write</c>).
    /// </summary>
    public static async Task<JsonElement> ReadAfterWriteAsync(
        this OdooClient client,
        string model,
        IReadOnlyList<int> ids,
        IReadOnlyList<string> fields,
        int tries,
        TimeSpan pause,
        ITransferMeter? meter,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await client.ReadAsync(model, ids, fields, meter, cancellationToken).ConfigureAwait(false);
            }
            catch (OdooRpcException exception) when (exception.OdooName == OdooRecords.MissingError)
            {
                if (attempt >= tries)
                {
                    throw new WorkloadException(
                        "read-after-write", true, $"{model} {string.Join(",", ids)} written but still missing after {tries} reads", exception);
                }
            }

            await Task.Delay(pause, client.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The ids of the first <paramref name="limit"/> records of <paramref name="model"/> matching <paramref name="domain"/>, in Odoo's default order.</summary>
    public static async Task<int[]> SearchIdsAsync(
        this IOdooModelCalls client, string model, IReadOnlyList<object?> domain, int limit, CancellationToken cancellationToken)
    {
        var rows = await client.SearchReadAsync(model, domain, ["id"], null, cancellationToken, limit).ConfigureAwait(false);
        return OdooRecords.Ids(rows);
    }

    /// <summary>Logs in with <paramref name="credentials"/> unless the client already is.</summary>
    public static async Task EnsureLoggedInAsync(this OdooClient client, OdooCredentials credentials, CancellationToken cancellationToken)
    {
        if (client.UserId is null)
        {
            await client.AuthenticateAsync(credentials.Database, credentials.Login, credentials.Password, cancellationToken).ConfigureAwait(false);
        }
    }
}
