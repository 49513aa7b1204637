using System.Diagnostics;
using Simulator.Load.Reports;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Reports;

/// <summary>
/// Renders report.html in headless Chromium and looks at the pixels. Needs <c>/usr/bin/chromium</c> (Debian package
/// <c>chromium</c>); the CI script installs it. The test fails, rather than skips, without it.
/// </summary>
public sealed class HtmlScreenshotTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly string _folder = Directory.CreateTempSubdirectory("sim-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_report_renders_in_a_browser_with_charts_and_shaded_fault_windows()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install the Debian package 'chromium' (apt-get install -y chromium)");
        string html = Path.Combine(_folder, ReportHtml.FileName);
        await ReportHtml.WriteAsync(SampleReport.Build(), html, CancellationToken.None);

        var png = await ScreenshotAsync(html, 1280, 2000);

        Assert.Equal((1280, 2000), (png.Width, png.Height));
        var colours = new HashSet<(byte, byte, byte)>();
        int faultShade = 0, p99Line = 0, verdictRed = 0;
        for (int y = 0; y < png.Height; y += 1)
        {
            for (int x = 0; x < png.Width; x += 1)
            {
                var (r, g, b) = png[x, y];
                colours.Add((r, g, b));
                faultShade += Near((r, g, b), (249, 228, 229), 8) ? 1 : 0;  // #cf222e at 12% over white
                p99Line += Near((r, g, b), (188, 76, 0), 40) ? 1 : 0;        // the p99 series, #bc4c00
                verdictRed += Near((r, g, b), (255, 235, 233), 3) ? 1 : 0;   // the failed verdict's background
            }
        }

        Assert.True(colours.Count > 200, $"only {colours.Count} colours: the page did not render");
        Assert.True(faultShade > 20_000, $"fault windows: {faultShade} shaded pixels");
        Assert.True(p99Line > 500, $"p99 line: {p99Line} pixels");
        Assert.True(verdictRed > 30_000, $"verdict banner: {verdictRed} pixels");
    }

    private static bool Near((byte R, byte G, byte B) a, (int R, int G, int B) b, int tolerance)
        => Math.Abs(a.R - b.R) <= tolerance && Math.Abs(a.G - b.G) <= tolerance && Math.Abs(a.B - b.B) <= tolerance;

    private async Task<Png> ScreenshotAsync(string html, int width, int height)
    {
        string shot = Path.Combine(_folder, "shot.png");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + Path.Combine(_folder, "profile"),
            "--screenshot=" + shot, $"--window-size={width},{height}", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(File.Exists(shot), $"chromium wrote no screenshot (exit {process.ExitCode}): {await stderr}{await stdout}");
        Assert.True(new FileInfo(shot).Length > 20_000, "the screenshot is suspiciously small");
        return Png.Read(await File.ReadAllBytesAsync(shot));
    }
}
