using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Simulator.AppHost.Integrations.Containers;

/// <summary>
/// A pinned container image: registry, repository and tag in one value, so each integration keeps
/// its images in one place (its <c>*ContainerImages</c> class) and the user can override them.
/// </summary>
/// <param name="Key">Configuration key under <see cref="ConfigurationSection"/>, e.g. <c>traefik</c>.</param>
/// <param name="Registry">Registry host, e.g. <c>docker.io</c>.</param>
/// <param name="Image">Repository in the registry, e.g. <c>library/traefik</c>.</param>
/// <param name="Tag">Pinned tag, never <c>latest</c>.</param>
public sealed record ContainerImage(string Key, string Registry, string Image, string Tag)
{
    /// <summary>Configuration section holding overrides: <c>Containers:Images:&lt;key&gt;:Registry|Image|Tag</c>.</summary>
    public const string ConfigurationSection = "Containers:Images";

    /// <summary>The full reference, <c>registry/image:tag</c>.</summary>
    public string Reference => string.Create(CultureInfo.InvariantCulture, $"{Registry}/{Image}:{Tag}");

    /// <summary>
    /// This image with whatever the configuration overrides (environment variables such as
    /// <c>Containers__Images__traefik__Tag=v3.6.22</c>, or <c>appsettings.json</c>).
    /// </summary>
    public ContainerImage WithOverrides(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ConfigurationSection).GetSection(Key);
        return this with
        {
            Registry = NonEmpty(section["Registry"]) ?? Registry,
            Image = NonEmpty(section["Image"]) ?? Image,
            Tag = NonEmpty(section["Tag"]) ?? Tag,
        };
    }

    /// <inheritdoc />
    public override string ToString() => Reference;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
