using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Stock;

/// <summary>
/// The stock flow behind deliveries: creating them from confirmed sale orders, reserving
/// (<c>action_assign</c>), picking and validating (<c>button_validate</c>). Each operation reads
/// first (fixing the REPEATABLE READ snapshot), spends the call cost, then writes quants, so two
/// calls touching one product's quant collide and one is retried, as in Odoo.
/// </summary>
internal static class StockOperations
{
    /// <summary>Odoo 17's <c>_get_without_quantities_error_message</c>.</summary>
    public const string WithoutQuantitiesMessage =
        "You cannot validate a transfer if no quantities are reserved nor done. To force the transfer, encode quantities.";

    private sealed record Move(int Id, int PickingId, int ProductId, int LocationId, int LocationDestId, decimal Demand, decimal Quantity, string State, bool Picked);

    private sealed record MoveLine(int Id, int MoveId, int ProductId, int LocationId, decimal Quantity, bool Picked);

    private sealed record Delivery(int OrderId, string OrderName, int PartnerId, int WarehouseId);

    /// <summary>
    /// <c>sale.order.action_confirm</c>'s stock part: one outgoing picking per order from its
    /// warehouse's stock to its customers location, one move per line, then reservation (Odoo's
    /// outgoing types reserve at confirmation). The caller has already spent the call cost.
    /// </summary>
    public static async Task CreateDeliveriesAsync(ModelCall call, int[] orderIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var parameters = new SqlParameters();
        var orders = new List<(Delivery Order, int TypeId, int? SequenceId, int Source, int Destination)>();
        var sql = $"""
            SELECT o.id, o.name, o.partner_id, o.warehouse_id, t.id, t.sequence_id, t.default_location_src_id, t.default_location_dest_id
            FROM sale_order o
            JOIN stock_picking_type t ON t.warehouse_id = o.warehouse_id AND t.code = 'outgoing'
            WHERE o.id = ANY({parameters.Add(orderIds)}) ORDER BY o.id
            """;
        await using (var command = call.Cursor.CreateCommand(sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                orders.Add((new Delivery(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)),
                    reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7)));
            }
        }

        var pickingIds = new List<int>();
        foreach (var (order, typeId, sequenceId, source, destination) in orders)
        {
            var name = sequenceId is { } sequence ? await IrSequence.NextByIdAsync(call.Cursor, sequence, cancellationToken) : null;
            var insert = new SqlParameters();
            var pickingSql = $"""
                INSERT INTO stock_picking (name, origin, partner_id, picking_type_id, location_id, location_dest_id, state, move_type,
                                           scheduled_date, sale_id, create_uid, create_date, write_uid, write_date)
                VALUES ({insert.Add(name ?? "/")}, {insert.Add(order.OrderName)}, {insert.Add(order.PartnerId)}, {insert.Add(typeId)},
                        {insert.Add(source)}, {insert.Add(destination)}, 'confirmed', 'direct', {insert.Add(call.Now)}, {insert.Add(order.OrderId)},
                        {insert.Add(call.Uid)}, {insert.Add(call.Now)}, {insert.Add(call.Uid)}, {insert.Add(call.Now)})
                RETURNING id
                """;
            var pickingId = (int)(await call.Cursor.ScalarAsync(pickingSql, insert, cancellationToken))!;
            pickingIds.Add(pickingId);

            var moves = new SqlParameters();
            var movesSql = $"""
                INSERT INTO stock_move (name, picking_id, product_id, product_uom_qty, quantity, picked, state, location_id, location_dest_id,
                                        sale_line_id, origin, date, create_uid, create_date, write_uid, write_date)
                SELECT l.name, {moves.Add(pickingId)}, l.product_id, l.product_uom_qty, 0, false, 'confirmed', {moves.Add(source)}, {moves.Add(destination)},
                       l.id, {moves.Add(order.OrderName)}, {moves.Add(call.Now)}, {moves.Add(call.Uid)}, {moves.Add(call.Now)}, {moves.Add(call.Uid)}, {moves.Add(call.Now)}
                FROM sale_order_line l
                WHERE l.order_id = {moves.Add(order.OrderId)} AND l.product_uom_qty > 0
                ORDER BY l.sequence, l.id
                """;
            await call.Cursor.ExecuteAsync(movesSql, moves, cancellationToken);
        }

        if (pickingIds.Count > 0)
        {
            var ids = pickingIds.ToArray();
            await ReserveAsync(call, await LoadMovesAsync(call, ids, activeOnly: true, cancellationToken), cancellationToken);
            await RecomputePickingStatesAsync(call, ids, cancellationToken);
        }
    }

    /// <summary><c>stock.picking.action_assign</c>: reserve what the quants have available.</summary>
    public static async Task AssignAsync(ModelCall call, int[] pickingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await LoadPickingsAsync(call, pickingIds, cancellationToken);
        var moves = (await LoadMovesAsync(call, pickingIds, activeOnly: true, cancellationToken)).Where(m => m.State != "draft").ToList();
        if (moves.Count == 0)
        {
            throw OdooException.UserError("Nothing to check the availability for.");
        }

        await ReserveAsync(call, moves, cancellationToken);
        await RecomputePickingStatesAsync(call, pickingIds, cancellationToken);
    }

    /// <summary>
    /// <c>stock.picking.button_validate</c> with Odoo 17's rules: no moves or no quantity at all is a
    /// UserError; if nothing is picked, everything reserved is picked (the former immediate
    /// transfer); a picked quantity short of the demand returns the "Create Backorder?" wizard
    /// action unless the context has <c>skip_backorder</c> (the remainder is then cancelled).
    /// Picked quantities leave the source quants; unpicked reservations are released.
    /// </summary>
    public static async Task<JsonNode?> ValidateAsync(ModelCall call, int[] pickingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var pickings = await LoadPickingsAsync(call, pickingIds, cancellationToken);
        var allMoves = await LoadMovesAsync(call, pickingIds, activeOnly: false, cancellationToken);
        var moves = allMoves.Where(m => m.State is not ("done" or "cancel")).ToList();
        var lines = await LoadLinesAsync(call, pickingIds, cancellationToken);

        if (pickingIds.Any(id => !allMoves.Any(m => m.PickingId == id)))
        {
            throw OdooException.UserError("Please add some items to move.");
        }

        if (pickingIds.Any(id => moves.Where(m => m.PickingId == id).All(m => m.Quantity == 0)))
        {
            throw OdooException.UserError(WithoutQuantitiesMessage);
        }

        // Odoo 17's _pre_action_done_hook: a picking where nothing is picked gets everything picked.
        var autoPicked = pickingIds.Where(id => !moves.Any(m => m.PickingId == id && m.Picked)).ToArray();
        if (autoPicked.Length > 0)
        {
            var autoMoves = moves.Where(m => autoPicked.Contains(m.PickingId)).Select(m => m.Id).ToArray();
            await SetMovesPickedAsync(call, autoMoves, true, cancellationToken);
            moves = moves.Select(m => autoMoves.Contains(m.Id) ? m with { Picked = true } : m).ToList();
            lines = lines.Select(l => autoMoves.Contains(l.MoveId) ? l with { Picked = true } : l).ToList();
        }

        var pickedByMove = lines.Where(l => l.Picked).GroupBy(l => l.MoveId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var short_ = moves.Any(m => !m.Picked || pickedByMove.GetValueOrDefault(m.Id) < m.Demand);
        if (short_ && !PyValues.IsTruthy(call.Context["skip_backorder"]))
        {
            await call.SpendCostAsync(cancellationToken);
            return BackorderWizard(call, pickingIds);
        }

        var activeLines = lines.Where(l => moves.Any(m => m.Id == l.MoveId)).ToList();
        var quants = await LoadQuantsAsync(call, activeLines.Select(l => (l.ProductId, l.LocationId)), cancellationToken);
        await call.SpendCostAsync(cancellationToken);

        foreach (var line in activeLines.OrderBy(l => quants.GetValueOrDefault((l.ProductId, l.LocationId)).Id))
        {
            var done = line.Picked && moves.Single(m => m.Id == line.MoveId).Picked;
            var quantId = quants.TryGetValue((line.ProductId, line.LocationId), out var quant) ? quant.Id : (int?)null;
            if (done)
            {
                await TakeFromQuantAsync(call, quantId, line, cancellationToken);
            }
            else
            {
                await ReleaseAsync(call, quantId, line.Quantity, cancellationToken);
                var delete = new SqlParameters();
                await call.Cursor.ExecuteAsync($"DELETE FROM stock_move_line WHERE id = {delete.Add(line.Id)}", delete, cancellationToken);
            }
        }

        var finish = new SqlParameters();
        var moveIds = finish.Add(moves.Select(m => m.Id).ToArray());
        var now = finish.Add(call.Now);
        var uid = finish.Add(call.Uid);
        await call.Cursor.ExecuteAsync($"""
            UPDATE stock_move m
            SET quantity = coalesce(s.qty, 0),
                state = CASE WHEN m.picked AND coalesce(s.qty, 0) > 0 THEN 'done' ELSE 'cancel' END,
                date = {now}, write_uid = {uid}, write_date = {now}
            FROM stock_move m2
            LEFT JOIN (SELECT move_id, sum(quantity) AS qty FROM stock_move_line WHERE picked GROUP BY move_id) s ON s.move_id = m2.id
            WHERE m.id = m2.id AND m.id = ANY({moveIds})
            """, finish, cancellationToken);
        await call.Cursor.ExecuteAsync($"""
            UPDATE stock_picking SET state = 'done', date_done = {now}, write_uid = {uid}, write_date = {now}
            WHERE id = ANY({finish.Add(pickings.Keys.ToArray())})
            """, finish, cancellationToken);
        return true;
    }

    /// <summary>Marks moves (and all their move lines) picked or not.</summary>
    public static async Task SetMovesPickedAsync(ModelCall call, int[] moveIds, bool picked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var parameters = new SqlParameters();
        var ids = parameters.Add(moveIds);
        var value = parameters.Add(picked);
        var now = parameters.Add(call.Now);
        var uid = parameters.Add(call.Uid);
        await call.Cursor.ExecuteAsync(
            $"UPDATE stock_move_line SET picked = {value}, write_uid = {uid}, write_date = {now} WHERE move_id = ANY({ids}); " +
            $"UPDATE stock_move SET picked = {value}, write_uid = {uid}, write_date = {now} WHERE id = ANY({ids})",
            parameters, cancellationToken);
    }

    /// <summary>
    /// <c>stock.move.line.write</c> of <c>quantity</c> and/or <c>picked</c>: a quantity change moves
    /// the quant's reservation by the difference; the move's quantity, picked flag and state follow.
    /// </summary>
    public static async Task WriteMoveLinesAsync(ModelCall call, int[] ids, decimal? quantity, bool? picked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var lines = new List<(MoveLine Line, string State)>();
        var read = new SqlParameters();
        await using (var command = call.Cursor.CreateCommand($"""
            SELECT l.id, l.move_id, l.product_id, l.location_id, l.quantity, l.picked, m.state
            FROM stock_move_line l JOIN stock_move m ON m.id = l.move_id
            WHERE l.id = ANY({read.Add(ids)}) ORDER BY l.id
            """, read))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add((new MoveLine(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDecimal(4), reader.GetBoolean(5)),
                    reader.GetString(6)));
            }
        }

        var missing = ids.Except(lines.Select(l => l.Line.Id)).ToArray();
        if (missing.Length > 0)
        {
            throw RecordIds.Missing("stock.move.line", missing, call.Uid);
        }

        if (lines.Any(l => l.State is "done" or "cancel"))
        {
            throw OdooException.UserError("You cannot change a stock move line that has been set to 'Done' or cancelled.");
        }

        var quants = quantity is null
            ? []
            : await LoadQuantsAsync(call, lines.Select(l => (l.Line.ProductId, l.Line.LocationId)), cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        if (ids.Length == 0)
        {
            return;
        }

        if (quantity is { } newQuantity)
        {
            foreach (var (line, _) in lines)
            {
                var delta = newQuantity - line.Quantity;
                if (delta != 0)
                {
                    var quantId = quants.TryGetValue((line.ProductId, line.LocationId), out var quant) ? quant.Id : (int?)null;
                    await ReleaseAsync(call, quantId, -delta, cancellationToken);
                }
            }
        }

        var update = new SqlParameters();
        var sets = new List<string>();
        if (quantity is { } q)
        {
            sets.Add($"quantity = {update.Add(q)}");
        }

        if (picked is { } p)
        {
            sets.Add($"picked = {update.Add(p)}");
        }

        var now = update.Add(call.Now);
        var uid = update.Add(call.Uid);
        sets.Add($"write_uid = {uid}");
        sets.Add($"write_date = {now}");
        await call.Cursor.ExecuteAsync($"UPDATE stock_move_line SET {string.Join(", ", sets)} WHERE id = ANY({update.Add(ids)})", update, cancellationToken);

        var moveIds = lines.Select(l => l.Line.MoveId).Distinct().ToArray();
        var recompute = new SqlParameters();
        var movesParameter = recompute.Add(moveIds);
        await call.Cursor.ExecuteAsync($"""
            UPDATE stock_move m
            SET quantity = s.qty, picked = s.all_picked,
                state = CASE WHEN s.qty >= m.product_uom_qty THEN 'assigned' WHEN s.qty > 0 THEN 'partially_available' ELSE 'confirmed' END
            FROM (SELECT move_id, coalesce(sum(quantity), 0) AS qty, bool_and(picked) AS all_picked
                  FROM stock_move_line WHERE move_id = ANY({movesParameter}) GROUP BY move_id) s
            WHERE m.id = s.move_id
            """, recompute, cancellationToken);
        var pickingIds = new List<int>();
        var pickingsParameters = new SqlParameters();
        await using (var command = call.Cursor.CreateCommand(
            $"SELECT DISTINCT picking_id FROM stock_move WHERE id = ANY({pickingsParameters.Add(moveIds)}) AND picking_id IS NOT NULL", pickingsParameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pickingIds.Add(reader.GetInt32(0));
            }
        }

        await RecomputePickingStatesAsync(call, pickingIds.ToArray(), cancellationToken);
    }

    private static JsonObject BackorderWizard(ModelCall call, int[] pickingIds)
    {
        var context = call.Context.DeepClone().AsObject();
        context["button_validate_picking_ids"] = new JsonArray(pickingIds.Select(id => (JsonNode)id).ToArray());
        context["default_show_transfers"] = false;
        context["default_pick_ids"] = new JsonArray(pickingIds.Select(id => (JsonNode)new JsonArray(4, id)).ToArray());
        return new JsonObject
        {
            ["name"] = "Create Backorder?",
            ["type"] = "ir.actions.act_window",
            ["view_mode"] = "form",
            ["res_model"] = "stock.backorder.confirmation",
            ["views"] = new JsonArray(new JsonArray(false, "form")),
            ["view_id"] = false,
            ["target"] = "new",
            ["context"] = context,
        };
    }

    /// <summary>Reserves for every move short of its demand, from the quant of its product in its source location.</summary>
    private static async Task ReserveAsync(ModelCall call, IReadOnlyList<Move> moves, CancellationToken cancellationToken)
    {
        var needing = moves.Where(m => m.Quantity < m.Demand).ToList();
        var quants = await LoadQuantsAsync(call, needing.Select(m => (m.ProductId, m.LocationId)), cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        var available = quants.ToDictionary(q => q.Key, q => q.Value.Available);
        foreach (var move in needing)
        {
            var key = (move.ProductId, move.LocationId);
            if (!quants.TryGetValue(key, out var quant))
            {
                continue;
            }

            var take = Math.Min(move.Demand - move.Quantity, Math.Max(0, available[key]));
            if (take <= 0)
            {
                continue;
            }

            available[key] -= take;
            var parameters = new SqlParameters();
            var amount = parameters.Add(take);
            var now = parameters.Add(call.Now);
            var uid = parameters.Add(call.Uid);
            var moveId = parameters.Add(move.Id);
            await call.Cursor.ExecuteAsync($"""
                UPDATE stock_quant SET reserved_quantity = reserved_quantity + {amount}, write_uid = {uid}, write_date = {now}
                WHERE id = {parameters.Add(quant.Id)};
                UPDATE stock_move SET quantity = quantity + {amount}, write_uid = {uid}, write_date = {now} WHERE id = {moveId};
                WITH updated AS (
                    UPDATE stock_move_line SET quantity = quantity + {amount}, write_uid = {uid}, write_date = {now}
                    WHERE id = (SELECT min(id) FROM stock_move_line WHERE move_id = {moveId} AND location_id = {parameters.Add(move.LocationId)} AND NOT picked)
                    RETURNING id)
                INSERT INTO stock_move_line (move_id, picking_id, product_id, location_id, location_dest_id, quantity, picked, date,
                                             create_uid, create_date, write_uid, write_date)
                SELECT {moveId}, {parameters.Add(move.PickingId)}, {parameters.Add(move.ProductId)}, {parameters.Add(move.LocationId)},
                       {parameters.Add(move.LocationDestId)}, {amount}, false, {now}, {uid}, {now}, {uid}, {now}
                WHERE NOT EXISTS (SELECT 1 FROM updated)
                """, parameters, cancellationToken);
        }

        if (moves.Count > 0)
        {
            var states = new SqlParameters();
            await call.Cursor.ExecuteAsync($"""
                UPDATE stock_move
                SET state = CASE WHEN quantity >= product_uom_qty THEN 'assigned' WHEN quantity > 0 THEN 'partially_available' ELSE 'confirmed' END
                WHERE id = ANY({states.Add(moves.Select(m => m.Id).ToArray())})
                """, states, cancellationToken);
        }
    }

    /// <summary>Picking state from its moves (Odoo's compute, with every picking "all at once"): assigned only when all moves are.</summary>
    private static async Task RecomputePickingStatesAsync(ModelCall call, int[] pickingIds, CancellationToken cancellationToken)
    {
        if (pickingIds.Length == 0)
        {
            return;
        }

        var parameters = new SqlParameters();
        var now = parameters.Add(call.Now);
        await call.Cursor.ExecuteAsync($"""
            UPDATE stock_picking p
            SET state = s.state, write_uid = {parameters.Add(call.Uid)}, write_date = {now}
            FROM (SELECT picking_id,
                         CASE WHEN bool_and(state = 'cancel') THEN 'cancel'
                              WHEN bool_and(state IN ('done', 'cancel')) THEN 'done'
                              WHEN bool_and(state IN ('assigned', 'done', 'cancel')) THEN 'assigned'
                              ELSE 'confirmed' END AS state
                  FROM stock_move WHERE picking_id = ANY({parameters.Add(pickingIds)}) GROUP BY picking_id) s
            WHERE p.id = s.picking_id AND p.state IS DISTINCT FROM s.state
            """, parameters, cancellationToken);
    }

    private static async Task TakeFromQuantAsync(ModelCall call, int? quantId, MoveLine line, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters();
        var amount = parameters.Add(line.Quantity);
        var now = parameters.Add(call.Now);
        var uid = parameters.Add(call.Uid);
        if (quantId is { } id)
        {
            await call.Cursor.ExecuteAsync($"""
                UPDATE stock_quant SET quantity = quantity - {amount}, reserved_quantity = greatest(reserved_quantity - {amount}, 0),
                                       write_uid = {uid}, write_date = {now}
                WHERE id = {parameters.Add(id)}
                """, parameters, cancellationToken);
        }
        else
        {
            // Odoo lets a quant go negative rather than refuse the move.
            await call.Cursor.ExecuteAsync($"""
                INSERT INTO stock_quant (product_id, location_id, quantity, reserved_quantity, in_date, create_uid, create_date, write_uid, write_date)
                VALUES ({parameters.Add(line.ProductId)}, {parameters.Add(line.LocationId)}, -{amount}, 0, {now}, {uid}, {now}, {uid}, {now})
                ON CONFLICT (product_id, location_id) DO UPDATE SET quantity = stock_quant.quantity + EXCLUDED.quantity
                """, parameters, cancellationToken);
        }
    }

    /// <summary>Gives <paramref name="amount"/> of reservation back to the quant (negative: reserves more).</summary>
    private static async Task ReleaseAsync(ModelCall call, int? quantId, decimal amount, CancellationToken cancellationToken)
    {
        if (quantId is not { } id || amount == 0)
        {
            return;
        }

        var parameters = new SqlParameters();
        var now = parameters.Add(call.Now);
        await call.Cursor.ExecuteAsync($"""
            UPDATE stock_quant SET reserved_quantity = greatest(reserved_quantity - {parameters.Add(amount)}, 0),
                                   write_uid = {parameters.Add(call.Uid)}, write_date = {now}
            WHERE id = {parameters.Add(id)}
            """, parameters, cancellationToken);
    }

    private static async Task<Dictionary<int, string>> LoadPickingsAsync(ModelCall call, int[] ids, CancellationToken cancellationToken)
    {
        var pickings = new Dictionary<int, string>();
        var parameters = new SqlParameters();
        await using (var command = call.Cursor.CreateCommand($"SELECT id, state FROM stock_picking WHERE id = ANY({parameters.Add(ids)})", parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                pickings[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var missing = ids.Where(id => !pickings.ContainsKey(id)).ToArray();
        return missing.Length > 0 ? throw RecordIds.Missing("stock.picking", missing, call.Uid) : pickings;
    }

    private static async Task<List<Move>> LoadMovesAsync(ModelCall call, int[] pickingIds, bool activeOnly, CancellationToken cancellationToken)
    {
        var moves = new List<Move>();
        var parameters = new SqlParameters();
        var filter = activeOnly ? " AND state NOT IN ('done', 'cancel')" : "";
        await using var command = call.Cursor.CreateCommand($"""
            SELECT id, picking_id, product_id, location_id, location_dest_id, product_uom_qty, quantity, state, picked
            FROM stock_move WHERE picking_id = ANY({parameters.Add(pickingIds)}){filter} ORDER BY id
            """, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            moves.Add(new Move(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetDecimal(5), reader.GetDecimal(6), reader.GetString(7), reader.GetBoolean(8)));
        }

        return moves;
    }

    private static async Task<List<MoveLine>> LoadLinesAsync(ModelCall call, int[] pickingIds, CancellationToken cancellationToken)
    {
        var lines = new List<MoveLine>();
        var parameters = new SqlParameters();
        await using var command = call.Cursor.CreateCommand($"""
            SELECT id, move_id, product_id, location_id, quantity, picked
            FROM stock_move_line WHERE picking_id = ANY({parameters.Add(pickingIds)}) ORDER BY id
            """, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new MoveLine(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDecimal(4), reader.GetBoolean(5)));
        }

        return lines;
    }

    /// <summary>The quants of the given (product, location) pairs: id and available quantity.</summary>
    private static async Task<Dictionary<(int ProductId, int LocationId), (int Id, decimal Available)>> LoadQuantsAsync(
        ModelCall call, IEnumerable<(int ProductId, int LocationId)> keys, CancellationToken cancellationToken)
    {
        var pairs = keys.Distinct().ToList();
        var quants = new Dictionary<(int, int), (int, decimal)>();
        if (pairs.Count == 0)
        {
            return quants;
        }

        var parameters = new SqlParameters();
        await using var command = call.Cursor.CreateCommand($"""
            SELECT q.id, q.product_id, q.location_id, q.quantity - q.reserved_quantity
            FROM stock_quant q
            JOIN unnest({parameters.Add(pairs.Select(p => p.ProductId).ToArray())}, {parameters.Add(pairs.Select(p => p.LocationId).ToArray())}) AS k(product_id, location_id)
              ON q.product_id = k.product_id AND q.location_id = k.location_id
            """, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            quants[(reader.GetInt32(1), reader.GetInt32(2))] = (reader.GetInt32(0), reader.GetDecimal(3));
        }

        return quants;
    }
}
