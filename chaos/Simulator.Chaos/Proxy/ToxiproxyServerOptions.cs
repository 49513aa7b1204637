using Microsoft.Extensions.Logging;

namespace Simulator.Chaos;

/// <summary>Where and how a <see cref="ToxiproxyServer"/> runs.</summary>
public sealed record ToxiproxyServerOptions
{
    /// <summary>Toxiproxy's API port.</summary>
    public const int DefaultPort = 8474;

    /// <summary>The address the HTTP API binds (default <c>127.0.0.1</c>; <c>localhost</c> means 127.0.0.1).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The API port (default 8474); 0 picks a free port, reported by <see cref="ToxiproxyServer.Port"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>
    /// Whether this project's extensions are offered: the <c>blackhole</c> toxic type and the
    /// <c>/x/partition</c> and <c>/x/heal</c> endpoints (default true). Off, the API is stock Toxiproxy's.
    /// </summary>
    public bool EnableExtensions { get; init; } = true;

    /// <summary>
    /// Whether a connection direction with no toxic moves its data with <c>splice(2)</c> through a kernel pipe instead
    /// of copying it through user space (default true; Linux only, elsewhere ignored). A toxic attached to an open
    /// connection switches it back to copying from the next chunk on.
    /// </summary>
    public bool ZeroCopy { get; init; } = true;

    /// <summary>Where proxy events (start, stop, upstream failures) are logged; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
