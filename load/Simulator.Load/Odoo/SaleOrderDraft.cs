namespace Simulator.Load.Odoo;

/// <summary>
/// Draws a <c>sale.order</c>'s values the way an EDI import sends them: a customer and N lines
/// <c>[0, 0, {product_id, product_uom_qty}]</c>, everything drawn from a seeded random source.
/// </summary>
internal static class SaleOrderDraft
{
    /// <summary>The values of one order, and its lines as (product, quantity) for the source document.</summary>
    public static (Dictionary<string, object?> Values, IReadOnlyList<(int Product, int Quantity)> Lines) Draw(
        Random random, IReadOnlyList<int> products, IReadOnlyList<int> customers, int minLines, int maxLines, int maxQuantity, int? warehouseId = null)
    {
        int lineCount = random.Next(minLines, maxLines + 1);
        var lines = new List<(int Product, int Quantity)>(lineCount);
        var commands = new List<object?>(lineCount);
        for (int i = 0; i < lineCount; i++)
        {
            var line = (Product: products[random.Next(products.Count)], Quantity: random.Next(1, maxQuantity + 1));
            lines.Add(line);
            commands.Add(new object?[]
            {
                0,
                0,
                new Dictionary<string, object?> { ["product_id"] = line.Product, ["product_uom_qty"] = line.Quantity },
            });
        }

        // A pool of one draws nothing, so a single customer leaves the lines' draws as they are.
        int customer = customers.Count == 1 ? customers[0] : customers[random.Next(customers.Count)];
        var values = new Dictionary<string, object?> { ["partner_id"] = customer, ["order_line"] = commands };
        if (warehouseId is { } warehouse)
        {
            values["warehouse_id"] = warehouse;
        }

        return (values, lines);
    }

    /// <summary>Adds the problems of an order shape (lines, quantity, product and customer pools) to <paramref name="errors"/>.</summary>
    public static void Validate(List<string> errors, int minLines, int maxLines, int maxQuantity, int productLimit, int customerLimit)
    {
        if (minLines < 1)
        {
            errors.Add($"lines: the minimum must be at least 1 (was {minLines})");
        }

        if (maxLines < minLines)
        {
            errors.Add($"lines: the maximum ({maxLines}) must not be below the minimum ({minLines})");
        }

        if (maxQuantity < 1)
        {
            errors.Add($"quantity: the maximum must be at least 1 (was {maxQuantity})");
        }

        if (productLimit < 1)
        {
            errors.Add($"product limit must be at least 1 (was {productLimit})");
        }

        if (customerLimit < 1)
        {
            errors.Add($"customer limit must be at least 1 (was {customerLimit})");
        }
    }
}
