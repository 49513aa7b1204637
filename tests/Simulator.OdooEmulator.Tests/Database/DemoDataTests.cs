using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Tests.Database;

public sealed class DemoDataTests
{
    [Fact]
    public void Products_are_deterministic_with_unique_valid_barcodes()
    {
        var products = Enumerable.Range(1, 5000).Select(DemoData.Product).ToList();

        Assert.Equal(products, Enumerable.Range(1, 5000).Select(DemoData.Product));
        Assert.Equal(5000, products.Select(p => p.Barcode).Distinct().Count());
        Assert.Equal(5000, products.Select(p => p.DefaultCode).Distinct().Count());
        Assert.All(products, p => Assert.Equal(p.Barcode, DemoData.Ean13(p.Barcode[..12])));
        Assert.All(products, p => Assert.InRange(p.ListPrice, 5m, 500m));
        Assert.Equal(new DemoProduct(1, "Steel Desk 0001", "PRD-00001", "2000000000015", 84.19m), products[0]);
    }

    [Theory]
    [InlineData("400638133393", "4006381333931")]
    [InlineData("590123412345", "5901234123457")]
    public void Ean13_check_digit_matches_known_codes(string body, string expected) =>
        Assert.Equal(expected, DemoData.Ean13(body));

    [Fact]
    public void Partners_are_deterministic()
    {
        Assert.Equal(DemoData.Partner(12), DemoData.Partner(12));
        Assert.Equal("customer0012@example.com", DemoData.Partner(12).Email);
        Assert.Equal(50, Enumerable.Range(1, 50).Select(i => DemoData.Partner(i).Name).Distinct().Count());
    }
}
