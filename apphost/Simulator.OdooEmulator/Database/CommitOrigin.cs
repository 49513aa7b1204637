using System.Globalization;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Which database server, and which history of it, committed a request's write: <c>&lt;node&gt;/tl&lt;timeline&gt;</c>,
/// read in the committing transaction itself. The node is the server's <c>sim.node</c> setting (each Patroni node of
/// the simulator carries one) or, without it, its address and port; the timeline is that of the WAL the server is
/// writing (the first 8 hex digits of <c>pg_walfile_name(pg_current_wal_lsn())</c>), which a promotion increments.
/// Clients that record it per acknowledged write can tell two servers accepting writes at once (split brain).
/// </summary>
internal sealed class CommitOrigin
{
    /// <summary>The response header that carries it; a real Odoo never sends it, and clients ignore headers they do not know.</summary>
    public const string Header = "X-Sim-Db-Origin";

    /// <summary>
    /// Selects the origin; runs inside the write transaction, just before its COMMIT, in the same round trip. Null on a
    /// server in recovery (a hot standby cannot write, so there is nothing to attribute).
    /// </summary>
    public const string Query =
        "SELECT coalesce(current_setting('sim.node', true), host(inet_server_addr()) || ':' || inet_server_port()), "
        + "CASE WHEN pg_is_in_recovery() THEN NULL ELSE substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) END";

    private static readonly AsyncLocal<CommitOrigin?> CurrentRequest = new();

    private string? _value;

    /// <summary>The origin recorder of the request being served; null outside a request (seeding, health probes).</summary>
    public static CommitOrigin? Current => CurrentRequest.Value;

    /// <summary>The last committed write's origin in this request; null when nothing was committed.</summary>
    public string? Value => Volatile.Read(ref _value);

    /// <summary>Starts recording for the request whose flow this is called on.</summary>
    public static CommitOrigin Begin()
    {
        var origin = new CommitOrigin();
        CurrentRequest.Value = origin;
        return origin;
    }

    /// <summary>Records a committed write's origin from the <see cref="Query"/> columns; an unknown timeline records nothing.</summary>
    public void Committed(string? node, string? timelineHex)
    {
        if (node is null || timelineHex is null
            || !long.TryParse(timelineHex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var timeline))
        {
            return;
        }

        Volatile.Write(ref _value, string.Create(CultureInfo.InvariantCulture, $"{node}/tl{timeline}"));
    }
}
