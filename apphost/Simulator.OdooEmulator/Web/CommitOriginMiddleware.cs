using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Web;

/// <summary>
/// Adds <see cref="CommitOrigin.Header"/> to a response whose request committed a write, naming the server and timeline
/// that committed it. The body stays exactly Odoo's.
/// </summary>
internal sealed class CommitOriginMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var origin = CommitOrigin.Begin();
        http.Response.OnStarting(() =>
        {
            if (origin.Value is { } value)
            {
                http.Response.Headers[CommitOrigin.Header] = value;
            }

            return Task.CompletedTask;
        });
        return next(http);
    }
}
