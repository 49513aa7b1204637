using System.Globalization;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// The deterministic demo catalogue: row n is always the same, whichever instance seeds it and
/// however often, so load scripts can rely on codes, barcodes and prices.
/// </summary>
internal static class DemoData
{
    /// <summary>Creation time stamped on seeded rows, fixed so seeding is reproducible.</summary>
    public static readonly DateTime SeedTimestamp = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly string[] Materials = ["Oak", "Steel", "Walnut", "Glass", "Bamboo", "Maple", "Granite", "Linen"];
    private static readonly string[] Items = ["Desk", "Chair", "Shelf", "Lamp", "Cabinet", "Table", "Drawer", "Stool", "Bench", "Sofa"];
    private static readonly string[] Brands = ["Azure", "Lumen", "Nordic", "Pacific", "Deco", "Gemini", "Ready Mat", "Wood Corner"];
    private static readonly string[] Trades = ["Interior", "Supplies", "Trading", "Logistics", "Works"];
    private static readonly string[] Cities = ["Brussels", "Lyon", "Austin", "Singapore", "Sydney", "Toronto", "Osaka", "Madrid"];

    /// <summary>
    /// <c>res.country</c> rows: the country of each city in <see cref="Cities"/>, same index.
    /// </summary>
    public static readonly IReadOnlyList<(int Id, string Code, string Name)> Countries =
    [
        (1, "BE", "Belgium"), (2, "FR", "France"), (3, "US", "United States"), (4, "SG", "Singapore"),
        (5, "AU", "Australia"), (6, "CA", "Canada"), (7, "JP", "Japan"), (8, "ES", "Spain"),
    ];

    /// <summary>Product number <paramref name="id"/> (1-based).</summary>
    public static DemoProduct Product(int id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        var name = $"{Materials[id % Materials.Length]} {Items[id / Materials.Length % Items.Length]} {Format(id, 4)}";
        // Prefix 20: the EAN range reserved for in-store numbering, so no real product collides.
        var barcode = Ean13("20" + Format(id, 10));
        var listPrice = 5m + (id * 7919L % 49500) / 100m;
        return new DemoProduct(id, name, "PRD-" + Format(id, 5), barcode, listPrice);
    }

    /// <summary>Partner number <paramref name="id"/> (1-based).</summary>
    public static DemoPartner Partner(int id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        var name = $"{Brands[id % Brands.Length]} {Trades[id / Brands.Length % Trades.Length]} {Format(id, 3)}";
        return new DemoPartner(
            id,
            name,
            "C" + Format(id, 5),
            $"customer{Format(id, 4)}@example.com",
            Cities[id % Cities.Length],
            IsCompany: id % 3 != 0,
            CountryId: Countries[id % Cities.Length].Id);
    }

    /// <summary>Appends the EAN-13 check digit to twelve digits.</summary>
    public static string Ean13(string twelveDigits)
    {
        ArgumentNullException.ThrowIfNull(twelveDigits);
        if (twelveDigits.Length != 12 || !twelveDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("An EAN-13 body is exactly twelve digits.", nameof(twelveDigits));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var digit = twelveDigits[i] - '0';
            sum += i % 2 == 0 ? digit : digit * 3;
        }

        return twelveDigits + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }

    private static string Format(int value, int digits) =>
        value.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
