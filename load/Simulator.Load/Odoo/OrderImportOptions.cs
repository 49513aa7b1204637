namespace Simulator.Load.Odoo;

/// <summary>Settings of the <see cref="OrderImportWorkload"/>.</summary>
public sealed record OrderImportOptions
{
    /// <summary>The fewest order lines per order (inclusive).</summary>
    public int MinLines { get; init; } = 1;

    /// <summary>The most order lines per order (inclusive).</summary>
    public int MaxLines { get; init; } = 5;

    /// <summary>The largest quantity per line; each line's quantity is drawn from 1 to this.</summary>
    public int MaxQuantity { get; init; } = 10;

    /// <summary>How many products to fetch once and draw lines from.</summary>
    public int ProductLimit { get; init; } = 200;

    /// <summary>The customer every order is for; when null, the first partner Odoo lists is used.</summary>
    public int? PartnerId { get; init; }

    /// <summary>Checks the settings and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinLines < 1)
        {
            errors.Add($"lines: the minimum must be at least 1 (was {MinLines})");
        }

        if (MaxLines < MinLines)
        {
            errors.Add($"lines: the maximum ({MaxLines}) must not be below the minimum ({MinLines})");
        }

        if (MaxQuantity < 1)
        {
            errors.Add($"quantity: the maximum must be at least 1 (was {MaxQuantity})");
        }

        if (ProductLimit < 1)
        {
            errors.Add($"product limit must be at least 1 (was {ProductLimit})");
        }

        return errors;
    }
}
