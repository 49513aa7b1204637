using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Models.Orm;
using Simulator.OdooEmulator.Models.Stock;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Sales;

/// <summary>
/// <c>sale.order</c>: <c>create</c> with <c>order_line</c> commands, numbering from the
/// <c>sale.order</c> sequence and totals from the lines (no taxes, discounts or pricelists: the
/// price is the given <c>price_unit</c>, else the product's list price); <c>action_confirm</c>.
/// </summary>
internal sealed class SaleOrderModel : OdooModel
{
    private static readonly string[] NoParameters = [];

    private static readonly ModelDefinition Model = new("sale.order", "Sales Order", "sale_order")
    {
        DefaultOrder = "date_order desc, id desc",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Order Reference"),
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Many2one("partner_id", "Customer", "res.partner"),
            FieldDefinition.Selection("state", "Status", "draft", "sent", "sale", "cancel"),
            FieldDefinition.Stored("date_order", FieldType.Datetime, "Order Date"),
            FieldDefinition.Stored("amount_untaxed", FieldType.Monetary, "Untaxed Amount") with { ReadOnly = true },
            FieldDefinition.Stored("amount_total", FieldType.Monetary, "Total") with { ReadOnly = true },
            FieldDefinition.One2many("order_line", "Order Lines", "sale.order.line", "order_id"),
            FieldDefinition.Many2one("warehouse_id", "Warehouse", "stock.warehouse"),
            FieldDefinition.One2many("picking_ids", "Transfers", "stock.picking", "sale_id"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    public override ModelMethod? FindMethod(string name) => name switch
    {
        "action_confirm" => ActionConfirmAsync,
        _ => base.FindMethod(name),
    };

    protected override async Task<JsonNode?> CreateAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (valsList, single) = ValsList(call);
        var lineModel = call.Registry.Get("sale.order.line").Definition;
        var orders = valsList.Select(vals => ParseOrder(vals, lineModel)).ToList();

        // Read phase: the products the lines refer to (their names and prices are defaults).
        var productIds = orders.SelectMany(o => o.Lines).Select(l => l.ProductId).Distinct().ToArray();
        var products = await LoadProductsAsync(call, productIds, cancellationToken);
        var missing = productIds.Where(id => !products.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            throw RecordIds.Missing("product.product", missing, call.Uid);
        }

        await call.SpendCostAsync(cancellationToken);

        var ids = new List<int>();
        foreach (var (columns, lines) in orders)
        {
            ids.Add(await InsertOrderAsync(call, columns, lines, products, cancellationToken));
        }

        return single ? ids[0] : new JsonArray(ids.Select(id => (JsonNode)id).ToArray());
    }

    /// <summary>Odoo refuses to delete confirmed orders; drafts (and their lines) go.</summary>
    protected override async Task<JsonNode?> UnlinkAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (ids, _) = SplitIds(call, "unlink", NoParameters, 0);
        await CheckExistAsync(call, ids, cancellationToken);
        var parameters = new SqlParameters();
        var confirmed = await call.Cursor.ScalarAsync(
            $"SELECT count(*) FROM sale_order WHERE id = ANY({parameters.Add(ids)}) AND state NOT IN ('draft', 'cancel')", parameters, cancellationToken);
        if (confirmed is long count && count > 0)
        {
            throw OdooException.UserError("You can not delete a sent quotation or a confirmed sales order. You must first cancel it.");
        }

        return await base.UnlinkAsync(call, cancellationToken);
    }

    private static async Task<JsonNode?> ActionConfirmAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, _) = SplitIds(call, "action_confirm", NoParameters, 0);
        var parameters = new SqlParameters();
        var idsParameter = parameters.Add(ids);
        var states = new List<(int Id, string Name, string State)>();
        await using (var command = call.Cursor.CreateCommand($"SELECT id, name, state FROM sale_order WHERE id = ANY({idsParameter})", parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                states.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var missing = ids.Except(states.Select(s => s.Id)).ToArray();
        if (missing.Length > 0)
        {
            throw RecordIds.Missing(Model.Name, missing, call.Uid);
        }

        var notConfirmable = states.Where(s => s.State is not ("draft" or "sent")).Select(s => s.Name).ToList();
        if (notConfirmable.Count > 0)
        {
            throw OdooException.UserError(
                "The following orders are not in a state requiring confirmation: " + string.Join(", ", notConfirmable));
        }

        await call.SpendCostAsync(cancellationToken);
        if (ids.Length > 0)
        {
            var update = new SqlParameters();
            var sql = $"UPDATE sale_order SET state = 'sale', date_order = {update.Add(call.Now)}, " +
                      $"write_uid = {update.Add(call.Uid)}, write_date = {update.Add(call.Now)} WHERE id = ANY({update.Add(ids)})";
            await call.Cursor.ExecuteAsync(sql, update, cancellationToken);
            // Odoo's _action_launch_stock_rule: a delivery per order, reserved at confirmation.
            await StockOperations.CreateDeliveriesAsync(call, ids, cancellationToken);
        }

        return true;
    }

    private static (Dictionary<string, object?> Columns, List<OrderLineInput> Lines) ParseOrder(JsonObject vals, ModelDefinition lineModel)
    {
        var rest = vals.DeepClone().AsObject();
        rest.TryGetPropertyValue("order_line", out var commands);
        rest.Remove("order_line");
        var columns = RecordWriter.ColumnValues(Model, rest).ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);
        var lines = new List<OrderLineInput>();
        if (PyValues.IsTruthy(commands))
        {
            if (commands is not JsonArray list)
            {
                throw OdooException.ValueError($"Wrong value for sale.order.order_line: {PyValues.Repr(commands)}");
            }

            foreach (var command in list)
            {
                lines.Add(ParseLineCommand(command, lineModel));
            }
        }

        return (columns, lines);
    }

    /// <summary>Only the create command <c>[0, 0, vals]</c> makes sense on a new order.</summary>
    private static OrderLineInput ParseLineCommand(JsonNode? command, ModelDefinition lineModel)
    {
        if (command is not JsonArray { Count: 3 } triple || PyValues.ToInt64(triple[0]) != 0 || triple[2] is not JsonObject vals)
        {
            throw OdooException.ValueError(
                $"Unsupported order_line command {PyValues.Repr(command)}: the emulator creates lines with [0, 0, {{vals}}] only");
        }

        foreach (var (key, _) in vals)
        {
            if (lineModel.FindField(key) is null)
            {
                throw OdooException.ValueError($"Invalid field '{key}' on model '{lineModel.Name}'");
            }
        }

        if (!PyValues.IsTruthy(vals["product_id"]))
        {
            throw OdooException.ValidationError(
                "The operation cannot be completed: Missing required fields on accountable sale order line.");
        }

        var quantity = vals.ContainsKey("product_uom_qty") ? PyValues.ToDecimal(vals["product_uom_qty"], "sale.order.line.product_uom_qty") : 1m;
        var price = vals.ContainsKey("price_unit") ? PyValues.ToDecimal(vals["price_unit"], "sale.order.line.price_unit") : (decimal?)null;
        var name = PyValues.AsString(vals["name"]);
        var sequence = vals.ContainsKey("sequence") ? PyValues.ToId(vals["sequence"]) : 10;
        return new OrderLineInput(PyValues.ToId(vals["product_id"]), quantity, price, name, sequence);
    }

    private static async Task<Dictionary<int, (string DisplayName, decimal ListPrice)>> LoadProductsAsync(
        ModelCall call, int[] ids, CancellationToken cancellationToken)
    {
        var products = new Dictionary<int, (string, decimal)>();
        if (ids.Length == 0)
        {
            return products;
        }

        var product = call.Registry.Get("product.product").Definition;
        var parameters = new SqlParameters();
        var sql = $"SELECT p.id, {product.DisplayNameSql("p")}, coalesce(p.list_price, 0) FROM product_product p WHERE p.id = ANY({parameters.Add(ids)})";
        await using var command = call.Cursor.CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            products[reader.GetInt32(0)] = (reader.GetString(1), reader.GetDecimal(2));
        }

        return products;
    }

    private static async Task<int> InsertOrderAsync(
        ModelCall call,
        Dictionary<string, object?> columns,
        List<OrderLineInput> lines,
        Dictionary<int, (string DisplayName, decimal ListPrice)> products,
        CancellationToken cancellationToken)
    {
        var prices = lines.Select(l => l.PriceUnit ?? products[l.ProductId].ListPrice).ToArray();
        // Odoo rounds each subtotal to the currency's precision (0.01), half-up.
        var subtotals = lines.Select((l, i) => Math.Round(l.Quantity * prices[i], 2, MidpointRounding.AwayFromZero)).ToArray();
        var total = subtotals.Sum();

        // As Odoo's create: a name other than "New" is kept, otherwise numbered from the sequence.
        if (!columns.TryGetValue("name", out var name) || name is null or "New")
        {
            columns["name"] = await IrSequence.NextByCodeAsync(call.Cursor, "sale.order", cancellationToken) ?? "New";
        }

        columns.TryAdd("state", "draft");
        if (!columns.TryGetValue("warehouse_id", out var warehouse) || warehouse is null)
        {
            // Odoo's default: the user's (here: this instance's region's) warehouse.
            var lookup = new SqlParameters();
            columns["warehouse_id"] = await call.Cursor.ScalarAsync(
                $"SELECT id FROM stock_warehouse WHERE code = {lookup.Add(call.WarehouseCode)}", lookup, cancellationToken);
        }
        if (!columns.TryGetValue("date_order", out var dateOrder) || dateOrder is null)
        {
            columns["date_order"] = call.Now;
        }

        columns["amount_untaxed"] = total;
        columns["amount_total"] = total;
        var orderId = await RecordWriter.InsertAsync(call, Model, columns.Select(c => (c.Key, c.Value)).ToList(), cancellationToken);
        if (lines.Count == 0)
        {
            return orderId;
        }

        var parameters = new SqlParameters();
        var sql = $"""
            INSERT INTO sale_order_line (order_id, sequence, name, product_id, product_uom_qty, price_unit, price_subtotal,
                                         create_uid, create_date, write_uid, write_date)
            SELECT {parameters.Add(orderId)}, u.sequence, u.name, u.product_id, u.qty, u.price, u.subtotal,
                   {parameters.Add(call.Uid)}, {parameters.Add(call.Now)}, {parameters.Add(call.Uid)}, {parameters.Add(call.Now)}
            FROM unnest({parameters.Add(lines.Select(l => l.Sequence).ToArray())},
                        {parameters.Add(lines.Select(l => l.Name ?? products[l.ProductId].DisplayName).ToArray())},
                        {parameters.Add(lines.Select(l => l.ProductId).ToArray())},
                        {parameters.Add(lines.Select(l => l.Quantity).ToArray())},
                        {parameters.Add(prices)},
                        {parameters.Add(subtotals)}) AS u(sequence, name, product_id, qty, price, subtotal)
            """;
        await call.Cursor.ExecuteAsync(sql, parameters, cancellationToken);
        return orderId;
    }
}
