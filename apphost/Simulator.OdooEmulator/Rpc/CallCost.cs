namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// Stands for the Python time Odoo spends inside a call (ORM, computes, business rules).
/// Spent once per transaction attempt, between the call's reads and its writes, because that is
/// where Odoo spends it: reads happen as the ORM needs them, writes are flushed at the end. The
/// snapshot age and lock windows therefore look like Odoo's under contention.
/// </summary>
internal sealed class CallCost(TimeSpan cost, TimeProvider timeProvider)
{
    private bool _spent;

    /// <summary>True once the cost was spent for this attempt.</summary>
    public bool IsSpent => _spent;

    /// <summary>Awaits the cost on the injected clock, at most once per attempt.</summary>
    public Task SpendAsync(CancellationToken cancellationToken)
    {
        if (_spent)
        {
            return Task.CompletedTask;
        }

        _spent = true;
        return cost <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(cost, timeProvider, cancellationToken);
    }
}
