using System.Globalization;

namespace Simulator.AppHost.Integrations.Containers;

/// <summary>
/// Where another container reaches an endpoint on the container network Aspire creates: the
/// resource's name (Aspire gives every container that network alias) and the port inside it.
/// Known when the model is built, so configuration files can be written before anything starts.
/// </summary>
public readonly record struct ContainerAddress(string Host, int Port)
{
    /// <summary>The address of <paramref name="endpoint"/> as seen from another container.</summary>
    public static ContainerAddress Of(EndpointReference endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var annotation = endpoint.Resource.Annotations.OfType<EndpointAnnotation>()
            .FirstOrDefault(e => e.Name == endpoint.EndpointName)
            ?? throw new InvalidOperationException($"{endpoint.Resource.Name} has no endpoint '{endpoint.EndpointName}'");
        var port = annotation.TargetPort
            ?? throw new InvalidOperationException($"{endpoint.Resource.Name}:{endpoint.EndpointName} has no target port");
        return new ContainerAddress(endpoint.Resource.Name, port);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
