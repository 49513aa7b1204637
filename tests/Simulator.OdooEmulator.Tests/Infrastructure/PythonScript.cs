namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>Runs one of the Python conformance scripts against a listening emulator.</summary>
internal static class PythonScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs <c>python3 Conformance/NAME URL DB LOGIN PASSWORD</c>; fails the test with the script's output unless it exits 0.</summary>
    public static async Task<string> RunAsync(string script, Uri url, params string[] extra)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Conformance", script);
        var baseUrl = url.GetLeftPart(UriPartial.Authority);
        var (exitCode, output) = await ProcessRunner.RunAsync(
            "python3", [path, baseUrl, EmulatorFactory.Database, EmulatorFactory.Login, EmulatorFactory.Password, .. extra], Timeout);
        Assert.True(exitCode == 0, $"{script} exited with {exitCode}:\n{output}");
        return output;
    }
}
