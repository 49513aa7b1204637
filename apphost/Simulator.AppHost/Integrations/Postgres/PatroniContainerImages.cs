using System.Globalization;
using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>
/// What the Patroni image of the containers runtime is built from: the official PostgreSQL image and
/// a pinned Patroni from PyPI, installed by <c>patroni-container/Dockerfile</c> on the user's machine.
/// </summary>
public static class PatroniContainerImages
{
    /// <summary>Base image: PostgreSQL 17 on Debian bookworm.</summary>
    public static ContainerImage Postgres { get; } = new("postgres", "docker.io", "library/postgres", "17.6-bookworm");

    /// <summary>Patroni release installed into the image (its <c>etcd</c> v2 and <c>etcd3</c> clients both included).</summary>
    public const string PatroniVersion = "4.0.6";

    /// <summary>Folder of the Dockerfile and its scripts, next to the simulator's binaries.</summary>
    public static string BuildContext => Path.Combine(AppContext.BaseDirectory, "Integrations", "Postgres", "patroni-container");

    /// <summary>PostgreSQL's major version in <paramref name="image"/>'s tag (<c>17.6-bookworm</c> → 17), for its <c>bin</c> folder.</summary>
    public static int PostgresMajor(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var digits = new string([.. image.Tag.TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? major
            : throw new ArgumentException($"the PostgreSQL image tag '{image.Tag}' does not start with a major version", nameof(image));
    }
}
