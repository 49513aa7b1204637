namespace Simulator.OdooEmulator.Database;

/// <summary>One seeded <c>product.product</c> row.</summary>
internal sealed record DemoProduct(int Id, string Name, string DefaultCode, string Barcode, decimal ListPrice);
