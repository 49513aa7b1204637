namespace Simulator.Chaos;

/// <summary>
/// The fields every toxic shares, for the typed helpers of <see cref="ToxiproxyClient"/>.
/// </summary>
public sealed record ToxicOptions
{
    /// <summary>The toxic's name; null lets the server pick <c>&lt;type&gt;_&lt;stream&gt;</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The direction it acts on (default downstream).</summary>
    public ToxicDirection Stream { get; init; } = ToxicDirection.Downstream;

    /// <summary>The probability, from 0 to 1, that it applies to a given connection (default 1).</summary>
    public double Toxicity { get; init; } = 1.0;
}
