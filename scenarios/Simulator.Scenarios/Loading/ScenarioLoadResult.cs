using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>The outcome of loading a scenario: the scenario, or every error found in it.</summary>
public sealed class ScenarioLoadResult
{
    private ScenarioLoadResult(Scenario? scenario, IReadOnlyList<ScenarioError> errors)
    {
        Scenario = scenario;
        Errors = errors;
    }

    /// <summary>The loaded, valid scenario; <see langword="null"/> when there are errors.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every error found, in file order; empty on success.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>True when the scenario loaded without errors.</summary>
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool Succeeded => Scenario is not null;

    /// <summary>A successful result.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The result.</returns>
    public static ScenarioLoadResult Success(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioLoadResult(scenario, []);
    }

    /// <summary>A failed result.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <returns>The result.</returns>
    public static ScenarioLoadResult Failure(IEnumerable<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failed result holds at least one error.", nameof(errors));
        }

        return new ScenarioLoadResult(null, list.AsReadOnly());
    }

    /// <summary>The scenario, or an exception listing every error.</summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="InvalidOperationException">The scenario did not load; the message lists the errors, one per line.</exception>
    public Scenario GetScenarioOrThrow() => Scenario ??
        throw new InvalidOperationException("The scenario is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, Errors));
}
