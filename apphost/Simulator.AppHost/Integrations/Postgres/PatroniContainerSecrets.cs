namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>The run's database secrets, shared by every Patroni node of the cluster.</summary>
/// <param name="SuperuserPassword">Password of <c>postgres</c> (an Aspire parameter, so connection strings carry it).</param>
/// <param name="ReplicationPassword">Password of the replication role.</param>
/// <param name="OdooUser">Role Odoo connects as (Odoo refuses the superuser).</param>
/// <param name="OdooPassword">Its password.</param>
public sealed record PatroniContainerSecrets(
    IResourceBuilder<ParameterResource> SuperuserPassword,
    string ReplicationPassword,
    string OdooUser,
    string OdooPassword);
