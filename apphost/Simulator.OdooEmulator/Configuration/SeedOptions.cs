namespace Simulator.OdooEmulator.Configuration;

/// <summary>How many demo rows the emulator makes sure exist on start.</summary>
internal sealed record SeedOptions
{
    /// <summary>Number of <c>product.product</c> rows.</summary>
    public int Products { get; init; } = 200;

    /// <summary>Number of <c>res.partner</c> rows.</summary>
    public int Partners { get; init; } = 50;

    /// <summary>On-hand quantity of every product in every seeded warehouse's stock location.</summary>
    public int StockPerProduct { get; init; } = 1000;
}
