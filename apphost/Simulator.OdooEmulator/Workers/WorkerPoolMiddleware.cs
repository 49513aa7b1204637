using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Diagnostics;

namespace Simulator.OdooEmulator.Workers;

/// <summary>
/// Serves every request on a worker from <see cref="WorkerPool"/> and enforces
/// <c>limit_time_real</c>: a request still running after that many seconds is killed the way
/// Odoo's master kills the worker (SIGKILL): its transaction is rolled back and the client's
/// connection is dropped without a response.
/// </summary>
internal sealed partial class WorkerPoolMiddleware(
    RequestDelegate next,
    WorkerPool pool,
    OdooEmulatorOptions options,
    TimeProvider timeProvider,
    EmulatorMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerPoolMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        WorkerPool.Lease lease;
        try
        {
            lease = await pool.AcquireAsync(http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while queued: nothing was started, nothing to answer.
            return;
        }

        using (lease)
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.LimitTimeReal), timeProvider))
        using (var work = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, lifetime.ApplicationStopping))
        {
            OdooWork.Set(http, work.Token);
            try
            {
                await next(http);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
            }

            if (limit.IsCancellationRequested && !http.Response.HasStarted)
            {
                metrics.TimeLimitReached();
                LogTimeout(Environment.ProcessId, options.LimitTimeReal, http.Request.Path);
                http.Abort();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "WorkerHTTP ({Pid}) timeout after {Seconds}s, request {Path} killed")]
    private partial void LogTimeout(int pid, int seconds, string path);
}
