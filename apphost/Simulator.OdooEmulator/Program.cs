using Simulator.OdooEmulator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOdooEmulator();
builder.AddOdooEmulatorTelemetry();

var app = builder.Build();
app.MapOdooEmulator();
await app.RunAsync();
