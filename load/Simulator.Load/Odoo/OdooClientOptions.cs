namespace Simulator.Load.Odoo;

/// <summary>Settings of an <see cref="OdooClient"/>.</summary>
public sealed record OdooClientOptions
{
    /// <summary>The default <see cref="RequestTimeout"/>: 30 s.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one call may take, measured on the client's <see cref="TimeProvider"/>; a call that runs out is an
    /// unknown outcome (<c>timeout</c>). Give the <see cref="HttpClient"/> a longer (or infinite) timeout of its own.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;
}
