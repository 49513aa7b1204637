"""Odoo's documented External API examples (Odoo 17 "External API" page), run with Python's own
xmlrpc.client against the emulator, plus the error cases a client relies on.

Usage: python3 external_api_xmlrpc.py URL DB USERNAME PASSWORD
Exits 1 (listing every failed check) when the emulator does not answer as Odoo does.
"""
import datetime
import sys
import xmlrpc.client

url, db, username, password = sys.argv[1:5]
failures = []


def check(condition, what, detail=None):
    if condition:
        print(f"ok   - {what}")
    else:
        failures.append(what)
        print(f"FAIL - {what}" + (f": {detail!r}" if detail is not None else ""))


def fault_of(call):
    """Runs call, returning the xmlrpc.client.Fault it raised (or None)."""
    try:
        call()
    except xmlrpc.client.Fault as fault:
        return fault
    return None


# -- Logging in ---------------------------------------------------------------
common = xmlrpc.client.ServerProxy('{}/xmlrpc/2/common'.format(url))
version = common.version()
check(isinstance(version, dict) and set(version) >= {'server_version', 'server_version_info', 'server_serie', 'protocol_version'},
      "common.version() returns the version dict", version)
check(version.get('protocol_version') == 1, "protocol_version is 1", version.get('protocol_version'))

uid = common.authenticate(db, username, password, {})
check(isinstance(uid, int) and uid > 0, "authenticate returns the user id", uid)
check(common.authenticate(db, username, password + '-wrong', {}) is False, "authenticate with a bad password returns False")
check(common.login(db, username, password) == uid, "login returns the same uid")

models = xmlrpc.client.ServerProxy('{}/xmlrpc/2/object'.format(url))

# -- Calling methods ----------------------------------------------------------
allowed = models.execute_kw(db, uid, password, 'res.partner', 'check_access_rights', ['read'], {'raise_exception': False})
check(allowed is True, "check_access_rights(['read'], {'raise_exception': False}) is True", allowed)

# -- List records ---------------------------------------------------------------
ids = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]])
check(isinstance(ids, list) and len(ids) > 15 and all(isinstance(i, int) for i in ids), "search returns a list of ids", ids)

# -- Pagination -----------------------------------------------------------------
page = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]], {'offset': 10, 'limit': 5})
check(page == ids[10:15], "search with offset 10 and limit 5 is that page of the full search", page)

# -- Count records --------------------------------------------------------------
count = models.execute_kw(db, uid, password, 'res.partner', 'search_count', [[['is_company', '=', True]]])
check(count == len(ids), "search_count equals the number of ids searched", count)

# -- Read records ---------------------------------------------------------------
ids = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['is_company', '=', True]]], {'limit': 1})
[record] = models.execute_kw(db, uid, password, 'res.partner', 'read', [ids])
check(record['id'] == ids[0] and len(record) > 5, "read without fields returns every field", len(record))

records = models.execute_kw(db, uid, password, 'res.partner', 'read', [ids], {'fields': ['name', 'country_id', 'comment']})
check(len(records) == 1 and set(records[0]) == {'id', 'name', 'country_id', 'comment'}, "read with fields returns those fields and id", records)
country = records[0]['country_id']
check(country is False or (isinstance(country, list) and len(country) == 2 and isinstance(country[1], str)),
      "a many2one reads as [id, name] or False", country)
check(records[0]['comment'] is False, "an empty text field reads as False", records[0]['comment'])

# -- List record fields ---------------------------------------------------------
fields = models.execute_kw(db, uid, password, 'res.partner', 'fields_get', [], {'attributes': ['string', 'help', 'type']})
check(isinstance(fields, dict) and fields.get('name', {}).get('type') == 'char' and 'string' in fields['name'],
      "fields_get describes name as a char with its label", fields.get('name'))
check(all(set(desc) <= {'string', 'help', 'type'} for desc in fields.values()), "fields_get returns only the asked attributes")
check(fields.get('country_id', {}).get('type') == 'many2one', "fields_get knows country_id is a many2one", fields.get('country_id'))

# -- Search and read ------------------------------------------------------------
rows = models.execute_kw(db, uid, password, 'res.partner', 'search_read', [[['is_company', '=', True]]],
                         {'fields': ['name', 'country_id', 'comment'], 'limit': 5})
check(len(rows) == 5 and all(set(r) == {'id', 'name', 'country_id', 'comment'} for r in rows), "search_read with fields and limit", rows)

# -- Create records -------------------------------------------------------------
id = models.execute_kw(db, uid, password, 'res.partner', 'create', [{'name': "New Partner"}])
check(isinstance(id, int) and id > 0, "create returns the new id", id)

# -- Update records -------------------------------------------------------------
written = models.execute_kw(db, uid, password, 'res.partner', 'write', [[id], {'name': "Newer partner"}])
check(written is True, "write returns True", written)
# get record name after having changed it
read_back = models.execute_kw(db, uid, password, 'res.partner', 'read', [[id], ['display_name']])
check(read_back == [{'id': id, 'display_name': 'Newer partner'}], "read display_name after write", read_back)
named = models.execute_kw(db, uid, password, 'res.partner', 'name_get', [[id]])
check(named == [[id, 'Newer partner']], "name_get after write", named)

# -- Delete records -------------------------------------------------------------
check(models.execute_kw(db, uid, password, 'res.partner', 'unlink', [[id]]) is True, "unlink returns True")
# check if the deleted record is still in the database
gone = models.execute_kw(db, uid, password, 'res.partner', 'search', [[['id', '=', id]]])
check(gone == [], "the deleted record is no longer found", gone)

# -- Values through XML-RPC -------------------------------------------------------
odd = 'Zoë & Co <test> "quoted"'
odd_id = models.execute_kw(db, uid, password, 'res.partner', 'create', [{'name': odd, 'is_company': True}])
[odd_row] = models.execute_kw(db, uid, password, 'res.partner', 'read', [[odd_id], ['name', 'is_company']])
check(odd_row['name'] == odd and odd_row['is_company'] is True, "non-ASCII and markup characters round-trip", odd_row)

products = models.execute_kw(db, uid, password, 'product.product', 'search_read', [[]], {'fields': ['list_price', 'barcode'], 'limit': 1})
check(isinstance(products[0]['list_price'], float), "float fields are XML-RPC doubles", products[0])
found = models.execute_kw(db, uid, password, 'product.product', 'name_search', [products[0]['barcode']])
check(len(found) == 1 and found[0][0] == products[0]['id'], "name_search finds a product by its barcode", found)

when = datetime.datetime(2024, 5, 17, 8, 30, 0)
order_id = models.execute_kw(db, uid, password, 'sale.order', 'create',
                             [{'partner_id': ids[0], 'date_order': xmlrpc.client.DateTime(when),
                               'order_line': [[0, 0, {'product_id': products[0]['id'], 'product_uom_qty': 2}]]}])
[order] = models.execute_kw(db, uid, password, 'sale.order', 'read', [[order_id], ['date_order', 'amount_total', 'partner_id']])
check(order['date_order'] == '2024-05-17 08:30:00', "a dateTime.iso8601 argument is stored and read back as Odoo's datetime string", order)
check(abs(order['amount_total'] - 2 * products[0]['list_price']) < 0.005, "order total from the product's list price", order)

# -- Errors ---------------------------------------------------------------------
fault = fault_of(lambda: models.execute_kw(db, uid, password + '-wrong', 'res.partner', 'search', [[]]))
check(fault is not None and fault.faultCode == 3 and fault.faultString == 'Access Denied',
      "a bad password is an AccessDenied fault (code 3)", fault and (fault.faultCode, fault.faultString))

fault = fault_of(lambda: models.execute_kw(db, uid, password, 'res.partner', 'read', [ids], {'fields': ['no_such_field']}))
check(fault is not None and fault.faultCode == 1 and 'ValueError' in fault.faultString and 'no_such_field' in fault.faultString,
      "reading an unknown field is a ValueError fault (code 1)", fault and (fault.faultCode, fault.faultString))
check(fault is not None and 'File "' not in fault.faultString, "the fault carries no stack trace", fault and fault.faultString)

fault = fault_of(lambda: models.execute_kw(db, uid, password, 'res.partner', 'create', [{'no_such_field': 1}]))
check(fault is not None and fault.faultCode == 1 and "Invalid field 'no_such_field'" in fault.faultString,
      "creating with an unknown field is a ValueError fault", fault and (fault.faultCode, fault.faultString))

fault = fault_of(lambda: models.execute_kw(db, uid, password, 'res.partner', 'search', [[['no_such_field', '=', 1]]]))
check(fault is not None and fault.faultCode == 1 and 'ValueError' in fault.faultString,
      "a domain on an unknown field is a ValueError fault", fault and (fault.faultCode, fault.faultString))

fault = fault_of(lambda: models.execute_kw(db, uid, password, 'no.such.model', 'search', [[]]))
check(fault is not None and fault.faultCode == 2, "an unknown model is a UserError fault (code 2)", fault and (fault.faultCode, fault.faultString))

fault = fault_of(lambda: models.execute_kw(db, uid, password, 'res.partner', 'unlink', [[999999]]))
check(fault is not None and fault.faultCode == 2 and 'does not exist' in fault.faultString,
      "unlinking a missing record is a MissingError fault (code 2)", fault and (fault.faultCode, fault.faultString))

fault = fault_of(lambda: models.execute_kw(db, uid, password, 'res.partner', '_private', [[]]))
check(fault is not None and fault.faultCode == 4, "a private method is an AccessError fault (code 4)", fault and (fault.faultCode, fault.faultString))

legacy = xmlrpc.client.ServerProxy('{}/xmlrpc/object'.format(url))
fault = fault_of(lambda: legacy.execute_kw(db, uid, password + '-wrong', 'res.partner', 'search', [[]]))
check(fault is not None and fault.faultCode == 'AccessDenied', "/xmlrpc/ (without 2) answers string fault codes", fault and fault.faultCode)

print(f"{len(failures)} failed" if failures else "all checks passed")
sys.exit(1 if failures else 0)
