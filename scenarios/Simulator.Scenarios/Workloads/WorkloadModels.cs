using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>Names and properties of <see cref="WorkloadModel"/> values.</summary>
public static class WorkloadModels
{
    /// <summary>The model names a workload may use, in the order of the enum.</summary>
    public static IReadOnlyList<string> Names { get; } = ["constant-rate", "ramping-rate", "constant-concurrency", "ramping-concurrency"];

    /// <summary>The model names one of a workload's <c>phases</c> may use: <see cref="Names"/> and <c>pause</c>.</summary>
    public static IReadOnlyList<string> PhaseNames { get; } = [.. Names, "pause"];

    /// <summary>The name a scenario file uses for <paramref name="model"/>, such as <c>constant-rate</c>.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The file name of the model, or <c>unspecified</c>.</returns>
    public static string ToName(this WorkloadModel model) => model switch
    {
        WorkloadModel.ConstantRate => "constant-rate",
        WorkloadModel.RampingRate => "ramping-rate",
        WorkloadModel.ConstantConcurrency => "constant-concurrency",
        WorkloadModel.RampingConcurrency => "ramping-concurrency",
        WorkloadModel.Pause => "pause",
        _ => "unspecified",
    };

    /// <summary>Reads a model name such as <c>ramping-rate</c>.</summary>
    /// <param name="name">The name as written in a scenario file.</param>
    /// <param name="model">The model, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is a known model.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out WorkloadModel model)
    {
        model = name switch
        {
            "constant-rate" => WorkloadModel.ConstantRate,
            "ramping-rate" => WorkloadModel.RampingRate,
            "constant-concurrency" => WorkloadModel.ConstantConcurrency,
            "ramping-concurrency" => WorkloadModel.RampingConcurrency,
            "pause" => WorkloadModel.Pause,
            _ => WorkloadModel.Unspecified,
        };
        return model != WorkloadModel.Unspecified;
    }

    /// <summary>True for open models, which schedule arrivals at a rate.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Whether the model is open.</returns>
    public static bool IsOpen(this WorkloadModel model) => model is WorkloadModel.ConstantRate or WorkloadModel.RampingRate;

    /// <summary>True for closed models, which keep a number of users busy.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Whether the model is closed.</returns>
    public static bool IsClosed(this WorkloadModel model) => model is WorkloadModel.ConstantConcurrency or WorkloadModel.RampingConcurrency;

    /// <summary>True for models whose load follows stages.</summary>
    /// <param name="model">The model.</param>
    /// <returns>Whether the model ramps.</returns>
    public static bool IsRamping(this WorkloadModel model) => model is WorkloadModel.RampingRate or WorkloadModel.RampingConcurrency;
}
