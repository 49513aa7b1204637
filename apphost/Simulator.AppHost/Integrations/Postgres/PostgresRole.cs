namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>What a PostgreSQL node starts as; failover may change it later.</summary>
public enum PostgresRole
{
    /// <summary>Accepts writes; replicas stream from it.</summary>
    Primary,

    /// <summary>A hot standby streaming from the primary.</summary>
    Replica,
}
