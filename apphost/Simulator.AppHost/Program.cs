using Simulator.AppHost.Cli;

return await SimCommandLine.RunAsync(args);
