using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Diagnostics;

namespace Simulator.OdooEmulator.Workers;

/// <summary>
/// Odoo's prefork worker model: at most <c>Odoo:Workers</c> requests are served at once; the
/// others wait, first come first served, as connections wait in the listen backlog for a free
/// Odoo worker.
/// </summary>
internal sealed class WorkerPool(OdooEmulatorOptions options, EmulatorMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Workers, options.Workers);

    /// <summary>Waits for a free worker; dispose the result to free it.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            metrics.RequestQueued();
            try
            {
                await _slots.WaitAsync(cancellationToken);
            }
            finally
            {
                metrics.RequestDequeued();
            }
        }

        metrics.RequestStarted();
        return new Lease(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Release()
    {
        metrics.RequestFinished();
        _slots.Release();
    }

    /// <summary>A worker held by one request.</summary>
    internal sealed class Lease(WorkerPool pool) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                pool.Release();
            }
        }
    }
}
