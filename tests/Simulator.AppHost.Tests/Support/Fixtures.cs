namespace Simulator.AppHost.Tests;

/// <summary>Paths of the test fixtures and shipped scenarios copied next to the tests.</summary>
public static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Shipped(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Shipped", name);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempFolder()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
