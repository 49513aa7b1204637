using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>Adds Patroni-managed PostgreSQL nodes of the containers runtime.</summary>
public static class PatroniContainerBuilderExtensions
{
    /// <summary>Name of the endpoint of Patroni's REST API.</summary>
    public const string RestEndpointName = "patroni";

    /// <summary>Name of PostgreSQL's endpoint (Aspire's PostgreSQL resource's own).</summary>
    public const string PostgresEndpointName = "tcp";

    /// <summary>
    /// Adds one node: Aspire's PostgreSQL resource (connection string, Npgsql health check, password
    /// parameter) whose image is built from <c>patroni-container/Dockerfile</c> on top of
    /// <paramref name="postgresImage"/>, its data in a volume of this run; <see cref="WithPatroniConfig"/>
    /// then gives it its <c>patroni.yml</c>. Healthy once PostgreSQL accepts connections and Patroni's
    /// <c>/health</c> answers 200, whichever role the node has.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPatroniContainerNode(
        this IDistributedApplicationBuilder builder,
        string name,
        PatroniContainerSecrets secrets,
        ContainerImage postgresImage,
        RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(postgresImage);
        return builder.AddPostgres(name, password: secrets.SuperuserPassword)
            .WithPinnedImage(postgresImage)
            .WithDockerfile(PatroniContainerImages.BuildContext)
            .WithBuildArg("POSTGRES_IMAGE", postgresImage.Reference)
            .WithBuildArg("PATRONI_VERSION", PatroniContainerImages.PatroniVersion)
            .WithLoopbackEndpoint(PostgresEndpointName, PatroniContainerConfig.PostgresPort)
            .WithLoopbackEndpoint(RestEndpointName, PatroniContainerConfig.RestPort, "http")
            .WithEnvironment("SIM_REPLICATION_PASSWORD", secrets.ReplicationPassword)
            .WithEnvironment("SIM_ODOO_DB_USER", secrets.OdooUser)
            .WithEnvironment("SIM_ODOO_DB_PASSWORD", secrets.OdooPassword)
            .WithRunVolume(run, "data", PatroniContainerConfig.VolumePath)
            .WithHttpHealthCheck("/health", endpointName: RestEndpointName);
    }

    /// <summary>Gives the node its generated <c>patroni.yml</c>.</summary>
    public static IResourceBuilder<PostgresServerResource> WithPatroniConfig(
        this IResourceBuilder<PostgresServerResource> builder, PatroniClusterSettings settings, PatroniContainerNode node, ContainerImage postgresImage)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = PatroniContainerConfig.Render(settings, node, PatroniContainerImages.PostgresMajor(postgresImage));
        return builder.WithGeneratedFile(PatroniContainerConfig.ConfigDirectory, PatroniContainerConfig.ConfigFile, config);
    }

    /// <summary>The endpoint of the node's REST API.</summary>
    public static EndpointReference RestEndpoint(this IResourceBuilder<PostgresServerResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.GetEndpoint(RestEndpointName);
    }
}
