namespace Simulator.Load.Odoo;

/// <summary>Settings of the <see cref="PortalBrowseWorkload"/>.</summary>
public sealed record PortalBrowseOptions
{
    /// <summary>How many customers browse: each iteration is one of the first N partners Odoo lists (as order import's <c>customers</c>).</summary>
    public int CustomerLimit { get; init; } = 1;

    /// <summary>Orders per page of the customer's order list.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>How deep customers page: each iteration opens page 1 to N of the list, uniformly.</summary>
    public int Pages { get; init; } = 3;

    /// <summary>Checks the settings and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CustomerLimit < 1)
        {
            errors.Add($"customer limit must be at least 1 (was {CustomerLimit})");
        }

        if (PageSize < 1)
        {
            errors.Add($"page size must be at least 1 (was {PageSize})");
        }

        if (Pages < 1)
        {
            errors.Add($"pages must be at least 1 (was {Pages})");
        }

        return errors;
    }
}
