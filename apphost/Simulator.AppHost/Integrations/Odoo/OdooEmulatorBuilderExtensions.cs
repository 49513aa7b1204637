using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;

using Simulator.Load.Odoo;

namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>Adds the project's Odoo emulator (the <c>native</c> face of an Odoo server).</summary>
public static class OdooEmulatorBuilderExtensions
{
    /// <summary>Name of the emulator's HTTP endpoint.</summary>
    public const string EndpointName = "http";

    /// <summary>
    /// Adds one Odoo emulator node of <paramref name="region"/> writing to <paramref name="database"/>
    /// and keeping web sessions in <paramref name="sessions"/>; it starts once both are healthy and is
    /// healthy itself once <c>/web/health</c> answers 200.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddOdooEmulator(
        this IDistributedApplicationBuilder builder,
        string name,
        string region,
        IResourceBuilder<NativePostgresResource> database,
        IResourceBuilder<NativeRedisResource> sessions,
        OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(credentials);

        var node = builder.AddProject<Projects.Simulator_OdooEmulator>(name, launchProfileName: null);
        var endpoint = node.GetEndpoint(EndpointName);
        return node
            .WithHttpEndpoint(name: EndpointName, isProxied: false)
            // Loopback only, never every interface.
            .WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("Odoo__Database", database.Resource.ConnectionStringExpression)
            .WithEnvironment("Odoo__DatabaseName", credentials.Database)
            .WithEnvironment("Odoo__Login", credentials.Login)
            .WithEnvironment("Odoo__Password", credentials.Password)
            .WithEnvironment("Odoo__Region", region)
            .WithEnvironment("Odoo__Redis", sessions.Resource.ConnectionStringExpression)
            .WithHttpHealthCheck("/web/health", endpointName: EndpointName)
            .WaitFor(database)
            .WaitFor(sessions);
    }
}
