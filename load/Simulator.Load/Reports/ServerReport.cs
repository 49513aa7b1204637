namespace Simulator.Load.Reports;

/// <summary>
/// What one region's Odoo servers logged during the run's load: the transactions they ran again after a concurrency
/// failure (serialization failure, deadlock, lock timeout). Clients never see a retried call as an error, only as
/// latency, so this is where a growing tail without errors finds its cause (docs/reports.md).
/// </summary>
/// <param name="Region">The region whose Odoo nodes these are.</param>
/// <param name="TransactionRetries">Retries the servers logged (<c>N tries left, try again in …</c>).</param>
/// <param name="RetriesExhausted">Calls that failed after their last try (<c>maximum number of tries reached</c>).</param>
public sealed record ServerReport(string Region, long TransactionRetries, long RetriesExhausted);
