namespace Simulator.AppHost.Integrations.Containers;

/// <summary>
/// A configuration file the AppHost generated for a container (odoo.conf, patroni.yml, Traefik's
/// dynamic configuration…), kept on the resource so it can be read back without starting anything.
/// </summary>
/// <param name="Directory">Folder inside the container.</param>
/// <param name="FileName">File name in that folder.</param>
/// <param name="Contents">The text written.</param>
public sealed record GeneratedContainerFileAnnotation(string Directory, string FileName, string Contents) : IResourceAnnotation
{
    /// <summary>The file's absolute path inside the container.</summary>
    public string ContainerPath => Directory.TrimEnd('/') + "/" + FileName;
}
