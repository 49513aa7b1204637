"""Seeds a real Odoo database with the data the Simulator's Odoo emulator seeds (DemoData.cs), so a
workload sees the same catalogue in both runtimes: products with the same names, internal
references, EAN-13 barcodes and prices; the same partners; one warehouse per region holding the
same stock of every product; and the API user's login and password of the run.

Run by `odoo shell -d DB < seed.py`, which provides `env`. The functions above `seed` are pure, so
tests import this file without Odoo. Settings come from environment variables (SIM_*).
"""
import os

MATERIALS = ["Oak", "Steel", "Walnut", "Glass", "Bamboo", "Maple", "Granite", "Linen"]
ITEMS = ["Desk", "Chair", "Shelf", "Lamp", "Cabinet", "Table", "Drawer", "Stool", "Bench", "Sofa"]
BRANDS = ["Azure", "Lumen", "Nordic", "Pacific", "Deco", "Gemini", "Ready Mat", "Wood Corner"]
TRADES = ["Interior", "Supplies", "Trading", "Logistics", "Works"]
CITIES = ["Brussels", "Lyon", "Austin", "Singapore", "Sydney", "Toronto", "Osaka", "Madrid"]
# The country of each city, same index.
COUNTRY_CODES = ["BE", "FR", "US", "SG", "AU", "CA", "JP", "ES"]


def ean13(twelve_digits):
    """Appends the EAN-13 check digit."""
    if len(twelve_digits) != 12 or not twelve_digits.isdigit():
        raise ValueError("an EAN-13 body is exactly twelve digits")
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(twelve_digits))
    return twelve_digits + str((10 - total % 10) % 10)


def product(n):
    """Product number n (1-based): name, internal reference, barcode (prefix 20, in-store range), price."""
    return {
        "name": "%s %s %04d" % (MATERIALS[n % len(MATERIALS)], ITEMS[n // len(MATERIALS) % len(ITEMS)], n),
        "default_code": "PRD-%05d" % n,
        "barcode": ean13("20%010d" % n),
        # Integer arithmetic, as the emulator's decimal: 5 + (n * 7919 mod 49500) / 100.
        "list_price": (500 + n * 7919 % 49500) / 100.0,
    }


def partner(n):
    """Partner number n (1-based)."""
    return {
        "name": "%s %s %03d" % (BRANDS[n % len(BRANDS)], TRADES[n // len(BRANDS) % len(TRADES)], n),
        "ref": "C%05d" % n,
        "email": "customer%04d@example.com" % n,
        "city": CITIES[n % len(CITIES)],
        "is_company": n % 3 != 0,
        "country_code": COUNTRY_CODES[n % len(CITIES)],
    }


def product_type(major_version):
    """Storable products: Odoo 17 says detailed_type 'product'; 18 says type 'consu' with is_storable."""
    if major_version >= 18:
        return {"type": "consu", "is_storable": True}
    return {"detailed_type": "product"}


def seed(env, login, password, products, partners, stock_per_product, regions, major_version):
    """Creates what is missing (idempotent: a second run changes nothing)."""
    admin = env.ref("base.user_admin")
    admin.write({"login": login, "password": password})

    countries = {c.code: c.id for c in env["res.country"].search([("code", "in", COUNTRY_CODES)])}
    Partner = env["res.partner"]
    for n in range(1, partners + 1):
        values = partner(n)
        if not Partner.search_count([("ref", "=", values["ref"])]):
            code = values.pop("country_code")
            values.update(country_id=countries.get(code, False), customer_rank=1)
            Partner.create(values)

    Product = env["product.product"]
    created = Product.browse()
    for n in range(1, products + 1):
        values = product(n)
        existing = Product.search([("default_code", "=", values["default_code"])], limit=1)
        if existing:
            created |= existing
        else:
            values.update(product_type(major_version))
            created |= Product.create(values)

    Warehouse = env["stock.warehouse"]
    Quant = env["stock.quant"]
    for region in regions:
        code = region.upper()[:5]
        warehouse = Warehouse.search([("code", "=", code)], limit=1) or Warehouse.create(
            {"name": "%s Warehouse" % code, "code": code})
        for item in created:
            on_hand = Quant._get_available_quantity(item, warehouse.lot_stock_id)
            if on_hand < stock_per_product:
                Quant._update_available_quantity(item, warehouse.lot_stock_id, stock_per_product - on_hand)
    env.cr.commit()


if "env" in globals():
    seed(
        env,  # noqa: F821 - provided by `odoo shell`
        login=os.environ["SIM_ODOO_LOGIN"],
        password=os.environ["SIM_ODOO_PASSWORD"],
        products=int(os.environ.get("SIM_SEED_PRODUCTS", "200")),
        partners=int(os.environ.get("SIM_SEED_PARTNERS", "50")),
        stock_per_product=int(os.environ.get("SIM_SEED_STOCK", "1000")),
        regions=[r for r in os.environ.get("SIM_REGIONS", "eu").split(",") if r],
        major_version=int(os.environ.get("SIM_ODOO_MAJOR", "17")),
    )
    print("seeded: %s" % os.environ.get("SIM_REGIONS", "eu"))
