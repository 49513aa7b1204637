namespace Simulator.Load.Odoo;

/// <summary>
/// One customer's visit to the order pages, whichever way the calls go (External API or web session): a page of the
/// customer's confirmed orders, newest first, then one order of it and its lines.
/// </summary>
internal static class PortalPages
{
    private static readonly string[] ListFields = ["name", "date_order", "amount_total", "state"];
    private static readonly string[] OrderFields = ["name", "partner_id", "date_order", "state", "amount_total", "order_line", "picking_ids"];
    private static readonly string[] LineFields = ["product_id", "name", "product_uom_qty", "price_unit", "price_subtotal"];

    /// <summary>
    /// For a customer and a page drawn from the iteration's seeded random source: <c>&lt;prefix&gt;.list</c>
    /// (<c>sale.order</c> <c>search_read</c>, one page), then for one order of the page <c>&lt;prefix&gt;.read</c>
    /// (<c>sale.order</c> <c>read</c>) and <c>&lt;prefix&gt;.lines</c> (<c>sale.order.line</c> <c>read</c>). An empty
    /// page ends the visit after the list.
    /// </summary>
    public static async Task BrowseAsync(
        IOdooModelCalls calls, IterationContext context, IReadOnlyList<int> customers, PortalBrowseOptions options, string prefix, CancellationToken cancellationToken)
    {
        var random = context.Random;
        int customer = customers[random.Next(customers.Count)];
        int page = random.Next(options.Pages);
        object?[] domain = [new object?[] { "partner_id", "=", customer }, new object?[] { "state", "=", "sale" }];
        var list = await context.TimeAsync(
            prefix + ".list",
            token => calls.SearchReadAsync(
                "sale.order", domain, ListFields, context, token, limit: options.PageSize, offset: page * options.PageSize, order: "date_order desc, id desc"),
            cancellationToken).ConfigureAwait(false);
        int[] orders = OdooRecords.Ids(list);
        if (orders.Length == 0)
        {
            return;
        }

        int[] chosen = [orders[random.Next(orders.Length)]];
        var order = await context.TimeAsync(
            prefix + ".read", token => calls.ReadAsync("sale.order", chosen, OrderFields, context, token), cancellationToken).ConfigureAwait(false);
        int[] lines = OdooRecords.Rows(order).Select(row => OdooRecords.IdList(row, "order_line")).FirstOrDefault() ?? [];
        if (lines.Length > 0)
        {
            await context.TimeAsync(
                prefix + ".lines", token => calls.ReadAsync("sale.order.line", lines, LineFields, context, token), cancellationToken).ConfigureAwait(false);
        }
    }
}
