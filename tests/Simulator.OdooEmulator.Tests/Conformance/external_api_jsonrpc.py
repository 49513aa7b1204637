"""The same documented External API examples over JSON-RPC (/jsonrpc), with only Python's
standard library (urllib), as scripts written against Odoo do.

Usage: python3 external_api_jsonrpc.py URL DB USERNAME PASSWORD
Exits 1 (listing every failed check) when the emulator does not answer as Odoo does.
"""
import itertools
import json
import sys
import urllib.request

url, db, username, password = sys.argv[1:5]
failures = []
ids_counter = itertools.count(1)


class RpcError(Exception):
    def __init__(self, error):
        super().__init__(error.get('message'))
        self.error = error
        self.data = error.get('data', {})


def check(condition, what, detail=None):
    if condition:
        print(f"ok   - {what}")
    else:
        failures.append(what)
        print(f"FAIL - {what}" + (f": {detail!r}" if detail is not None else ""))


def call(service, method, *args):
    request_id = next(ids_counter)
    body = json.dumps({"jsonrpc": "2.0", "method": "call",
                       "params": {"service": service, "method": method, "args": args}, "id": request_id}).encode()
    request = urllib.request.Request(url + '/jsonrpc', body, {'Content-Type': 'application/json'})
    with urllib.request.urlopen(request, timeout=30) as response:
        reply = json.load(response)
    if reply.get('id') != request_id:
        raise AssertionError(f"reply id {reply.get('id')} for request {request_id}")
    if 'error' in reply:
        raise RpcError(reply['error'])
    return reply['result']


def execute_kw(*args):
    return call('object', 'execute_kw', db, uid, password, *args)


def error_of(thunk):
    try:
        thunk()
    except RpcError as error:
        return error
    return None


version = call('common', 'version')
check(version.get('protocol_version') == 1 and 'server_version' in version, "common.version()", version)
uid = call('common', 'authenticate', db, username, password, {})
check(isinstance(uid, int) and uid > 0, "authenticate returns the user id", uid)
check(call('common', 'authenticate', db, username, 'wrong' + password, {}) is False, "a bad password authenticates to false")

check(execute_kw('res.partner', 'check_access_rights', ['read'], {'raise_exception': False}) is True, "check_access_rights")
ids = execute_kw('res.partner', 'search', [[['is_company', '=', True]]])
check(len(ids) > 15, "search with a domain", ids)
check(execute_kw('res.partner', 'search', [[['is_company', '=', True]]], {'offset': 10, 'limit': 5}) == ids[10:15], "pagination")
check(execute_kw('res.partner', 'search_count', [[['is_company', '=', True]]]) == len(ids), "search_count")
first = execute_kw('res.partner', 'search', [[['is_company', '=', True]]], {'limit': 1})
records = execute_kw('res.partner', 'read', [first], {'fields': ['name', 'country_id', 'comment']})
check(set(records[0]) == {'id', 'name', 'country_id', 'comment'}, "read with fields", records)
fields = execute_kw('res.partner', 'fields_get', [], {'attributes': ['string', 'help', 'type']})
check(fields['name']['type'] == 'char', "fields_get with attributes", fields.get('name'))
check(len(execute_kw('res.partner', 'search_read', [[['is_company', '=', True]]], {'fields': ['name'], 'limit': 5})) == 5, "search_read")
new_id = execute_kw('res.partner', 'create', [{'name': "New Partner"}])
check(execute_kw('res.partner', 'write', [[new_id], {'name': "Newer partner"}]) is True, "write")
check(execute_kw('res.partner', 'read', [[new_id], ['display_name']]) == [{'id': new_id, 'display_name': 'Newer partner'}], "read after write")
check(execute_kw('res.partner', 'name_get', [[new_id]]) == [[new_id, 'Newer partner']], "name_get after write")
check(execute_kw('res.partner', 'unlink', [[new_id]]) is True, "unlink")
check(execute_kw('res.partner', 'search', [[['id', '=', new_id]]]) == [], "the deleted record is gone")

error = error_of(lambda: call('object', 'execute_kw', db, uid, 'wrong' + password, 'res.partner', 'search', [[]]))
check(error is not None and error.data.get('name') == 'odoo.exceptions.AccessDenied' and error.error.get('code') == 200,
      "a bad password is odoo.exceptions.AccessDenied", error and error.error)
error = error_of(lambda: execute_kw('res.partner', 'read', [first], {'fields': ['no_such_field']}))
check(error is not None and error.data.get('name') == 'builtins.ValueError' and 'no_such_field' in error.data.get('message', ''),
      "an unknown field is builtins.ValueError", error and error.error)
check(error is not None and 'File "' not in error.data.get('debug', ''), "the error carries no stack trace", error and error.data.get('debug'))

print(f"{len(failures)} failed" if failures else "all checks passed")
sys.exit(1 if failures else 0)
