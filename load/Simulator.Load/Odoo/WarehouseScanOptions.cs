namespace Simulator.Load.Odoo;

/// <summary>Settings of the <see cref="WarehouseScanWorkload"/>.</summary>
public sealed record WarehouseScanOptions
{
    /// <summary>
    /// The code of the warehouse whose deliveries are scanned (Odoo's <c>stock.warehouse.code</c>, e.g. <c>EU</c>);
    /// when null, the first warehouse Odoo lists.
    /// </summary>
    public string? WarehouseCode { get; init; }

    /// <summary>
    /// Deliveries to prepare before the run (orders created and confirmed in the warehouse, unmeasured), so scanning
    /// has work from the first second; during the run it also takes the deliveries other workloads create there.
    /// </summary>
    public int Backlog { get; init; }

    /// <summary>The fewest lines per backlog order (inclusive).</summary>
    public int MinLines { get; init; } = 1;

    /// <summary>The most lines per backlog order (inclusive).</summary>
    public int MaxLines { get; init; } = 5;

    /// <summary>The largest quantity per backlog order line.</summary>
    public int MaxQuantity { get; init; } = 10;

    /// <summary>How many products backlog orders draw from (the first ones Odoo lists): fewer means hotter quants.</summary>
    public int ProductLimit { get; init; } = 200;

    /// <summary>Checks the settings and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Backlog < 0)
        {
            errors.Add($"backlog must not be negative (was {Backlog})");
        }

        if (WarehouseCode is { Length: 0 })
        {
            errors.Add("warehouse code must not be empty (leave it unset for the first warehouse)");
        }

        SaleOrderDraft.Validate(errors, MinLines, MaxLines, MaxQuantity, ProductLimit, customerLimit: 1);
        return errors;
    }
}
