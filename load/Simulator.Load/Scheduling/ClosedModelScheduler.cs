namespace Simulator.Load.Scheduling;

/// <summary>
/// Runs one closed-model phase of a workload: one loop per virtual user, each starting an iteration, awaiting it,
/// waiting the think time, and starting the next — only while the user is active (see
/// <see cref="ClosedLoadModel.ActiveSpans"/>) and the phase lasts. Nothing is dropped. The phase ends by the clock;
/// an iteration running then finishes and the runner drains it.
/// </summary>
internal sealed class ClosedModelScheduler(ClosedLoadModel model, TimeSpan start, TimeSpan end, RunClock clock)
{
    /// <summary>Runs the users until the phase ends; throws <see cref="OperationCanceledException"/> when <paramref name="stop"/> is cancelled first.</summary>
    public async Task RunAsync(IIterationLauncher launcher, CancellationToken stop)
    {
        int users = model.MaxUsers;
        for (int user = 0; user < users && !stop.IsCancellationRequested; user++)
        {
            _ = UserAsync(user, launcher, stop);
        }

        await clock.WaitUntilAsync(end, stop).ConfigureAwait(false);
    }

    private async Task UserAsync(int user, IIterationLauncher launcher, CancellationToken stop)
    {
        try
        {
            foreach (var span in model.ActiveSpans(user))
            {
                var from = start + span.From;
                if (from >= end)
                {
                    return;
                }

                var until = span.Until is { } u && start + u < end ? start + u : end;
                await clock.WaitUntilAsync(from, stop).ConfigureAwait(false);
                var intended = from;
                while (!stop.IsCancellationRequested)
                {
                    var now = clock.Now;
                    if (now >= until)
                    {
                        break;
                    }

                    var iteration = launcher.Start(new ArrivalSlot(launcher.NextIteration(), intended), now);
                    if (iteration.IsCompleted && model.ThinkTime <= TimeSpan.Zero)
                    {
                        // Finished without waiting and no think time: let the other users and the timers run.
                        await Task.Yield();
                    }
                    else
                    {
                        await iteration.ConfigureAwait(false);
                    }

                    intended = clock.Now + model.ThinkTime;
                    if (intended >= until)
                    {
                        break;
                    }

                    if (model.ThinkTime > TimeSpan.Zero)
                    {
                        await clock.WaitUntilAsync(intended, stop).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run was stopped: this user starts nothing more.
        }
    }
}
