using System.Runtime.InteropServices;

namespace Simulator.AppHost.Cli;

/// <summary>
/// Turns Ctrl-C and SIGTERM into cancellation instead of process death, so an interrupted run still
/// tears down what it started and writes what it measured. A second Ctrl-C is not intercepted.
/// </summary>
public sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public ConsoleCancellation()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: stopping — tearing everything down…");
        _source.Cancel();
    }
}
