using System.Reflection;

namespace Simulator.Chaos;

/// <summary>
/// The runtime's process-wide switch <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>, which runs socket
/// continuations on the socket engine's event threads instead of handing each one to the thread pool.
/// </summary>
/// <remarks>
/// <para>For the proxy that hand-over is most of the cost of a chunk: every read completion is a thread-pool work
/// item, so each request and each reply crossing a link costs two extra thread wake-ups. On two cores, pgbench
/// through the proxy ran at about 0.4 of its direct rate with thread-pool completions and about 0.9–1.0 with inline
/// ones (<c>docs/performance.md</c>).</para>
/// <para>Inline completions are only safe when no continuation blocks, which holds for the proxy's code and for
/// Kestrel (which keeps its own scheduling), so a process that is only the fault proxy (<c>sim toxiproxy-server</c>,
/// <see cref="ToxiproxyServerHost"/>) turns them on. A process that hosts other code (the AppHost) should not; run
/// the proxy as its own process with the variable set in its environment instead. The runtime reads the variable
/// once, when the process first uses an asynchronous socket, so it must be set before that.</para>
/// </remarks>
public static class InlineSocketCompletions
{
    /// <summary>The environment variable the runtime reads.</summary>
    public const string EnvironmentVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Turns inline completions on for this process unless the variable is already set (to anything: an explicit
    /// <c>0</c> is respected). Call it first thing, before any socket is used.
    /// </summary>
    /// <returns>Whether inline completions are in effect, or null when that cannot be told.</returns>
    public static bool? TryEnable()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is null)
        {
            Environment.SetEnvironmentVariable(EnvironmentVariable, "1");
        }

        return IsEnabled();
    }

    /// <summary>
    /// Whether the runtime runs socket continuations inline in this process (read from the runtime's socket engine;
    /// this fixes the setting for the process if no socket was used yet).
    /// </summary>
    /// <returns>The setting in effect, or null on a runtime where it cannot be read (or not on Unix).</returns>
    public static bool? IsEnabled()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var engine = typeof(System.Net.Sockets.Socket).Assembly.GetType("System.Net.Sockets.SocketAsyncEngine");
            var field = engine?.GetField("InlineSocketCompletionsEnabled", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            return field?.GetValue(null) as bool?;
        }
        catch (Exception ex) when (ex is TargetInvocationException or FieldAccessException or TypeInitializationException)
        {
            return null;
        }
    }
}
