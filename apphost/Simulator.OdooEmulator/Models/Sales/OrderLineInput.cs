namespace Simulator.OdooEmulator.Models.Sales;

/// <summary>One <c>[0, 0, vals]</c> order-line command, with defaults not yet applied.</summary>
internal sealed record OrderLineInput(int ProductId, decimal Quantity, decimal? PriceUnit, string? Name, int Sequence);
