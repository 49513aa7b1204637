namespace Simulator.Load.Odoo;

/// <summary>When <see cref="OrderImportWorkload"/> counts an order as acknowledged (puts it in the ledger).</summary>
public enum OrderAcknowledgement
{
    /// <summary>
    /// Once the confirmed order's name has been read back. Odoo may serve that read from a replica, so an acknowledged
    /// order has reached one: with asynchronous replication this hides the orders a failover loses.
    /// </summary>
    ReadBack = 0,

    /// <summary>
    /// As soon as <c>action_confirm</c> returns, i.e. on the primary's commit (the name is read back after the create,
    /// before confirming). With asynchronous replication, orders confirmed on a leader that dies before its replicas
    /// received them are acknowledged and lost.
    /// </summary>
    Commit,
}
