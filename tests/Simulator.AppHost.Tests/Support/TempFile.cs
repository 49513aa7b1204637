namespace Simulator.AppHost.Tests;

/// <summary>A file with the given content under the system temp folder, deleted on dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string content, string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sim-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
