namespace Simulator.Chaos;

/// <summary>
/// Process faults that also take a role (<c>leader</c>, <c>replica</c>) as their target: the role is resolved to a
/// resource when the fault fires (who leads <i>now</i>), and the fault acts on that resource. Undoing it
/// (<see cref="ResumeAsync"/>, <see cref="StartAsync"/>) acts on the resource the role was last resolved to, not on
/// whoever holds the role by then — a resumed or restarted old leader is the point of the fault.
/// </summary>
/// <param name="inner">The faults on resources.</param>
/// <param name="roles">The roles this decorator resolves.</param>
/// <param name="resolve">Gives the resource holding a role now; throws (e.g. <see cref="InvalidOperationException"/>) when none does.</param>
public sealed class RoleProcessFaults(IProcessFaults inner, IReadOnlyCollection<string> roles, Func<string, CancellationToken, Task<string>> resolve)
    : IProcessFaults
{
    private readonly Dictionary<string, string> _resolved = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public Task<ProcessFaultResult> KillAsync(string resource, CancellationToken cancellationToken = default) =>
        OnFreshAsync(resource, inner.KillAsync, cancellationToken);

    /// <inheritdoc/>
    public Task<ProcessFaultResult> PauseAsync(string resource, CancellationToken cancellationToken = default) =>
        OnFreshAsync(resource, inner.PauseAsync, cancellationToken);

    /// <inheritdoc/>
    public Task<ProcessFaultResult> StopAsync(string resource, CancellationToken cancellationToken = default) =>
        OnFreshAsync(resource, inner.StopAsync, cancellationToken);

    /// <inheritdoc/>
    public Task<ProcessFaultResult> ResumeAsync(string resource, CancellationToken cancellationToken = default) =>
        OnRememberedAsync(resource, inner.ResumeAsync, cancellationToken);

    /// <inheritdoc/>
    public Task<ProcessFaultResult> StartAsync(string resource, CancellationToken cancellationToken = default) =>
        OnRememberedAsync(resource, inner.StartAsync, cancellationToken);

    private async Task<ProcessFaultResult> OnFreshAsync(
        string target, Func<string, CancellationToken, Task<ProcessFaultResult>> action, CancellationToken cancellationToken)
    {
        if (!roles.Contains(target))
        {
            return await action(target, cancellationToken).ConfigureAwait(false);
        }

        var resource = await resolve(target, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _resolved[target] = resource;
        }

        return Named(target, await action(resource, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ProcessFaultResult> OnRememberedAsync(
        string target, Func<string, CancellationToken, Task<ProcessFaultResult>> action, CancellationToken cancellationToken)
    {
        if (!roles.Contains(target))
        {
            return await action(target, cancellationToken).ConfigureAwait(false);
        }

        string? resource;
        lock (_gate)
        {
            _resolved.TryGetValue(target, out resource);
        }

        resource ??= await resolve(target, cancellationToken).ConfigureAwait(false);
        return Named(target, await action(resource, cancellationToken).ConfigureAwait(false));
    }

    private static ProcessFaultResult Named(string role, ProcessFaultResult result) => result with { Resource = $"{role} {result.Resource}" };
}
