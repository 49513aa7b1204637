using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Tests.Database;

/// <summary>
/// The containers runtime seeds the real Odoo image with <c>seed.py</c>; a workload must find the same
/// catalogue there as in the emulator. Runs the script's functions with python3 and compares every row.
/// </summary>
public sealed class ContainerSeedScriptTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "ContainerSeed", "seed.py");

    [Fact]
    public void The_container_seed_script_seeds_exactly_the_emulators_products_and_partners()
    {
        const int Rows = 500;
        using var rows = Python($$"""
            import importlib.util, json
            spec = importlib.util.spec_from_file_location("seed", "{{Script}}")
            seed = importlib.util.module_from_spec(spec); spec.loader.exec_module(seed)
            print(json.dumps({"products": [seed.product(n) for n in range(1, {{Rows}} + 1)],
                              "partners": [seed.partner(n) for n in range(1, {{Rows}} + 1)]}))
            """);

        var products = rows.RootElement.GetProperty("products").EnumerateArray().ToList();
        var partners = rows.RootElement.GetProperty("partners").EnumerateArray().ToList();
        Assert.Equal(Rows, products.Count);
        for (var n = 1; n <= Rows; n++)
        {
            var expected = DemoData.Product(n);
            var actual = products[n - 1];
            Assert.Equal(expected.Name, actual.GetProperty("name").GetString());
            Assert.Equal(expected.DefaultCode, actual.GetProperty("default_code").GetString());
            Assert.Equal(expected.Barcode, actual.GetProperty("barcode").GetString());
            Assert.Equal(expected.ListPrice, actual.GetProperty("list_price").GetDecimal());

            var partner = DemoData.Partner(n);
            var seeded = partners[n - 1];
            Assert.Equal(partner.Name, seeded.GetProperty("name").GetString());
            Assert.Equal(partner.Ref, seeded.GetProperty("ref").GetString());
            Assert.Equal(partner.Email, seeded.GetProperty("email").GetString());
            Assert.Equal(partner.City, seeded.GetProperty("city").GetString());
            Assert.Equal(partner.IsCompany, seeded.GetProperty("is_company").GetBoolean());
            Assert.Equal(DemoData.Countries.Single(c => c.Id == partner.CountryId).Code, seeded.GetProperty("country_code").GetString());
        }
    }

    [Fact]
    public void The_seed_creates_what_is_missing_once_and_sets_the_run_login()
    {
        // A stand-in for Odoo's env recording what the script asks for; a second run must create nothing.
        using var result = Python($$"""
            import importlib.util, json
            spec = importlib.util.spec_from_file_location("seed", "{{Script}}")
            seed = importlib.util.module_from_spec(spec); spec.loader.exec_module(seed)

            class Records(list):
                def __init__(self, model, rows=()): super().__init__(rows); self.model = model
                def __or__(self, other): return Records(self.model, list(self) + list(other))
                def __bool__(self): return len(self) > 0
                def write(self, values): self.model.writes.append(values)
                @property
                def lot_stock_id(self): return "stock:" + self[0]["code"]
                @property
                def id(self): return self[0]["id"]

            class Model:
                def __init__(self, name): self.name, self.rows, self.writes = name, [], []
                def browse(self): return Records(self)
                def _match(self, domain): return [r for r in self.rows if all(r.get(f) == v for f, _, v in domain)]
                def search(self, domain, limit=None):
                    if self.name == "res.country": return [type("C", (), {"code": c, "id": i})() for i, c in enumerate(seed.COUNTRY_CODES, 1)]
                    return Records(self, self._match(domain)[:limit])
                def search_count(self, domain): return len(self._match(domain))
                def create(self, values): values = dict(values, id=len(self.rows) + 1); self.rows.append(values); return Records(self, [values])

            class Quants(Model):
                def __init__(self): super().__init__("stock.quant"); self.on_hand = {}
                def _get_available_quantity(self, product, location): return self.on_hand.get((product["id"], location), 0)
                def _update_available_quantity(self, product, location, quantity):
                    self.on_hand[(product["id"], location)] = self.on_hand.get((product["id"], location), 0) + quantity

            class Env(dict):
                def __init__(self):
                    super().__init__({n: Model(n) for n in ["res.users", "res.partner", "product.product", "stock.warehouse"]})
                    self["stock.quant"] = Quants(); self["res.country"] = Model("res.country")
                    self.cr = type("Cr", (), {"commit": lambda self: None})()
                def ref(self, xml_id): return Records(self["res.users"], [{}])

            env = Env()
            for _ in range(2):
                seed.seed(env, "admin", "s3cret", products=7, partners=5, stock_per_product=1000, regions=["eu", "us"], major_version=18)
            print(json.dumps({
                "users": env["res.users"].writes,
                "products": env["product.product"].rows,
                "partners": len(env["res.partner"].rows),
                "warehouses": [w["code"] for w in env["stock.warehouse"].rows],
                "stock": sorted(set(env["stock.quant"].on_hand.values())),
                "quants": len(env["stock.quant"].on_hand),
            }))
            """);

        var root = result.RootElement;
        Assert.All(root.GetProperty("users").EnumerateArray(), w =>
        {
            Assert.Equal("admin", w.GetProperty("login").GetString());
            Assert.Equal("s3cret", w.GetProperty("password").GetString());
        });
        var products = root.GetProperty("products").EnumerateArray().ToList();
        Assert.Equal(7, products.Count);
        Assert.All(products, p =>
        {
            Assert.Equal("consu", p.GetProperty("type").GetString());
            Assert.True(p.GetProperty("is_storable").GetBoolean());
        });
        Assert.Equal(5, root.GetProperty("partners").GetInt32());
        Assert.Equal(["EU", "US"], root.GetProperty("warehouses").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal([1000], root.GetProperty("stock").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(7 * 2, root.GetProperty("quants").GetInt32());
    }

    private static JsonDocument Python(string program)
    {
        var start = new ProcessStartInfo("python3", ["-c", program]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "python3 did not finish");
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"python3 exited {process.ExitCode}: {error.Result}"));
        return JsonDocument.Parse(output.Result);
    }
}
