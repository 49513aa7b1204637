namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>Which official <c>odoo</c> image the containers runtime runs.</summary>
public enum OdooContainerVersion
{
    /// <summary>Odoo 17.0.</summary>
    Odoo17,

    /// <summary>Odoo 18.0: also reads from a replica (<c>db_replica_host</c>).</summary>
    Odoo18,
}
