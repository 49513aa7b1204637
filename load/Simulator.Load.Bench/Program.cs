using Simulator.Load.Bench;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await LoadBenchmark.RunAsync(args, Console.Out, cancel.Token);
