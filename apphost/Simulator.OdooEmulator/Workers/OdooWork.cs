namespace Simulator.OdooEmulator.Workers;

/// <summary>
/// The cancellation a request's work runs under: the host stopping or the worker being killed
/// by <c>limit_time_real</c>, but not the client going away (Odoo finishes, and commits, a call
/// whose client disconnected).
/// </summary>
internal static class OdooWork
{
    private static readonly object Key = new();

    /// <summary>The token handlers pass to the work they do for <paramref name="http"/>.</summary>
    public static CancellationToken Token(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(Key, out var value) && value is CancellationToken token
            ? token
            : http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
    }

    /// <summary>Sets the work token for the request; called by <see cref="WorkerPoolMiddleware"/>.</summary>
    public static void Set(HttpContext http, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Key] = token;
    }
}
