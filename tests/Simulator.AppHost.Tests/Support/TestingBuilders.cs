using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;
using Simulator.AppHost.Run;

namespace Simulator.AppHost.Tests;

/// <summary>Aspire.Hosting.Testing builders for the simulator's AppHost assembly.</summary>
public static class TestingBuilders
{
    // The overload that names the AppHost assembly is not public in Aspire 13.6; the public ones look
    // for the AppHost in the entry assembly, which under a test runner is the runner's own.
    private static readonly MethodInfo CreateForAssembly = typeof(DistributedApplicationTestingBuilder).GetMethod(
        nameof(DistributedApplicationTestingBuilder.Create),
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
        [typeof(string[]), typeof(Action<DistributedApplicationOptions, HostApplicationBuilderSettings>), typeof(Assembly)])
        ?? throw new InvalidOperationException("Aspire.Hosting.Testing no longer has Create(args, configure, assembly)");

    /// <summary>A testing builder with no dashboard and no wait for a container engine (none runs here).</summary>
    public static IDistributedApplicationBuilder Create()
    {
        Action<DistributedApplicationOptions, HostApplicationBuilderSettings> configure = (options, _) => options.DisableDashboard = true;
        var builder = (IDistributedApplicationTestingBuilder)CreateForAssembly.Invoke(
            null, [Array.Empty<string>(), configure, typeof(TopologyHost).Assembly])!;
        builder.Configuration["DcpPublisher:ContainerRuntimeInitializationTimeout"] = "00:00:00";
        return builder;
    }
}
