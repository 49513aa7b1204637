using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>The official Odoo images of the containers runtime, pinned to a dated release.</summary>
public static class OdooContainerImages
{
    /// <summary>Odoo 17.0, release 2025-10-08.</summary>
    public static ContainerImage Odoo17 { get; } = new("odoo-17", "docker.io", "library/odoo", "17.0-20251008");

    /// <summary>Odoo 18.0, release 2025-10-08.</summary>
    public static ContainerImage Odoo18 { get; } = new("odoo-18", "docker.io", "library/odoo", "18.0-20251008");

    /// <summary>The image of <paramref name="version"/>.</summary>
    public static ContainerImage For(OdooContainerVersion version) => version switch
    {
        OdooContainerVersion.Odoo17 => Odoo17,
        OdooContainerVersion.Odoo18 => Odoo18,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unknown Odoo version"),
    };
}
