namespace Simulator.AppHost.Runtime;

/// <summary>The two runtimes a topology can be stood up with (DESIGN.md's table).</summary>
public enum SimRuntime
{
    /// <summary>Debian processes on 127.0.0.1 and the Odoo emulator.</summary>
    Native,

    /// <summary>Docker or Podman containers: the official Odoo image, Patroni, Traefik, MinIO, Toxiproxy.</summary>
    Containers,
}
