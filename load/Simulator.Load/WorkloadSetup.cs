using Simulator.Load.Measurement;

namespace Simulator.Load;

/// <summary>
/// Runs a workload's one-time setup (<see cref="IWorkload.InitializeAsync"/>: log in, look up products and customers)
/// and tries it again, a few times with a growing pause, when it failed on something passing
/// (<see cref="WorkloadException.Transient"/>): a run often starts right after a failover or a reset, when a server may
/// still hand out a connection its database closed under it. Nothing is measured yet, so a retry hides no figure; a
/// setup still failing after <see cref="Pauses"/> throws its last error, and any other error throws at once.
/// </summary>
public static class WorkloadSetup
{
    /// <summary>The pauses before the second, third, ... try: about 8 s in all before giving up.</summary>
    public static IReadOnlyList<TimeSpan> Pauses { get; } =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>Initializes <paramref name="workload"/>, trying again on passing failures.</summary>
    /// <param name="workload">The workload.</param>
    /// <param name="name">How it is named when a try failed (for example <c>order-import@eu</c>).</param>
    /// <param name="time">The clock the pauses are taken on.</param>
    /// <param name="retrying">Told of every failed try that will be tried again (a line for the console); may be null.</param>
    /// <param name="cancellationToken">Cancels the setup and its pauses.</param>
    /// <returns>A task that completes when the workload is ready.</returns>
    public static async Task InitializeAsync(
        IWorkload workload, string name, TimeProvider time, Action<string>? retrying, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(time);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await workload.InitializeAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (WorkloadException ex) when (ex.Transient && attempt < Pauses.Count && !cancellationToken.IsCancellationRequested)
            {
                var pause = Pauses[attempt];
                retrying?.Invoke($"{name}: setup failed ({ex.Message}); trying again in {pause.TotalSeconds:0.#} s ({attempt + 2} of {Pauses.Count + 1})");
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
