var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = true });
var r = builder.AddExecutable("sleeper", "python3", "/tmp", "-m", "http.server", "--bind", "127.0.0.1")
    .WithEndpoint(name: "http", scheme: "http", isProxied: false);
r.WithArgs(ctx => ctx.Args.Add(r.GetEndpoint("http").Property(EndpointProperty.TargetPort)));
var app = builder.Build();
await app.StartAsync();
Console.WriteLine("started " + r.GetEndpoint("http").Url);
await Task.Delay(6000);
await app.StopAsync();
Console.WriteLine("stopped");
