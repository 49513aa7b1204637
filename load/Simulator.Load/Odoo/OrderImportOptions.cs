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

    /// <summary>How many products to fetch once and draw lines from (the first ones Odoo lists).</summary>
    public int ProductLimit { get; init; } = 200;

    /// <summary>How many customers to fetch once and draw each order's customer from (the first ones Odoo lists).</summary>
    public int CustomerLimit { get; init; } = 1;

    /// <summary>The customer every order is for; when null, customers are drawn from the first <see cref="CustomerLimit"/> partners.</summary>
    public int? PartnerId { get; init; }

    /// <summary>
    /// Whether each confirmed order gets its source document (the imported lines as CSV) attached as an
    /// <c>ir.attachment</c>, which Odoo stores in object storage when configured (operation <c>import.attach</c>).
    /// </summary>
    public bool AttachSourceDocument { get; init; } = true;

    /// <summary>When an order counts as acknowledged: after reading it back (the default) or on the confirmation's commit.</summary>
    public OrderAcknowledgement Acknowledge { get; init; } = OrderAcknowledgement.ReadBack;

    /// <summary>Checks the settings and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        SaleOrderDraft.Validate(errors, MinLines, MaxLines, MaxQuantity, ProductLimit, CustomerLimit);
        return errors;
    }
}
