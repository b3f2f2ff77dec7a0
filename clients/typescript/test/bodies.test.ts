// The generated TypeScript modules (src/) against real bodies: the JSON examples of the source
// documents (tests/wire/) and every body the example server sends (test/served.json, kept equal
// to what it sends by tests/served_bodies.rs), through each catalog's guard and lookup.
//
// Compiled with the strict options of tsconfig.json and run by .ci/clients with `node --test`,
// from the repository root.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as exchange from "../src/exchange.js";
import * as game_account from "../src/game_account.js";
import * as item_market from "../src/item_market.js";
import * as messenger from "../src/messenger.js";
import * as mixin from "../src/mixin.js";

/** The repository root: where the test is run from. */
const repo = process.cwd();

function read(path: string): unknown {
  return JSON.parse(readFileSync(`${repo}/${path}`, "utf8"));
}

/** What the test needs of a catalog module, whatever its body. */
interface Module<B> {
  readonly CATALOG: string;
  readonly ERRORS: { readonly [code: string]: Entry };
  readonly CODES: { readonly [name: string]: string | number };
  isBody(value: unknown): value is B;
  isCode(value: unknown): boolean;
  lookup(body: B): { readonly known: true; readonly entry: Entry } | { readonly known: false; readonly code: string | number };
}

interface Entry {
  readonly code: string | number;
  readonly name: string;
  readonly status: number;
  readonly message: string;
  readonly section: string;
  readonly placeholders: readonly string[];
}

/** A catalog module with the accessors of the body fields the test compares. */
interface Case<B> {
  readonly module: Module<B>;
  readonly message: (body: B) => string;
  readonly name?: (body: B) => string;
  /** The status the body carries itself, where its shape has one. */
  readonly status?: (body: B) => number;
}

function entryOf<B>(c: Case<B>, body: B): Entry {
  const found = c.module.lookup(body);
  assert.ok(found.known, `${c.module.CATALOG}: the code of ${JSON.stringify(body)} is listed`);
  return found.entry;
}

const cases = {
  exchange: { module: exchange, message: (b: exchange.Body) => b.message } satisfies Case<exchange.Body>,
  game_account: {
    module: game_account,
    message: (b: game_account.Body) => b.userMessage,
    status: (b: game_account.Body) => b.returncode,
  } satisfies Case<game_account.Body>,
  item_market: { module: item_market, message: (b: item_market.Body) => b.message } satisfies Case<item_market.Body>,
  messenger: {
    module: messenger,
    message: (b: messenger.Body) => b.message,
    name: (b: messenger.Body) => b.name,
  } satisfies Case<messenger.Body>,
  mixin: {
    module: mixin,
    message: (b: mixin.Body) => b.error.description,
    status: (b: mixin.Body) => b.error.status,
  } satisfies Case<mixin.Body>,
};

type CatalogName = keyof typeof cases;

interface Served {
  readonly catalog: CatalogName;
  readonly path: string;
  readonly status: number;
  readonly body: string;
}

/** One served body against its catalog's module. */
function checkServed<B>(c: Case<B>, served: Served): void {
  const value: unknown = JSON.parse(served.body);
  assert.ok(c.module.isBody(value), `${served.path}: ${served.body} is a ${c.module.CATALOG} body`);
  const entry = entryOf(c, value);
  assert.equal(entry.status, served.status, served.path);
  assert.equal(c.status?.(value) ?? served.status, served.status, served.path);
  if (c.name !== undefined) {
    assert.equal(c.name(value), entry.name, served.path);
  }
  const message = c.message(value);
  if (entry.placeholders.length === 0) {
    assert.equal(message, entry.message, served.path);
  } else {
    // The placeholders are filled in: the text around them is the template's.
    const pattern = entry.message
      .split(/\{[a-z0-9_]+\}/)
      .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+");
    assert.match(message, new RegExp(`^${pattern}$`), served.path);
  }
  // No other catalog's guard takes it: the five shapes differ.
  const takers = (Object.values(cases) as Case<unknown>[]).filter((other) => other.module.isBody(value));
  assert.deepEqual(
    takers.map((other) => other.module.CATALOG),
    [c.module.CATALOG],
    served.path,
  );
}

test("every body the example server sends is a body of its catalog, with its entry", () => {
  const served = read("clients/typescript/test/served.json") as readonly Served[];
  assert.ok(served.length > 600, `${served.length} bodies`);
  const seen = new Set<string>();
  for (const s of served) {
    switch (s.catalog) {
      case "exchange":
        checkServed(cases.exchange, s);
        break;
      case "game_account":
        checkServed(cases.game_account, s);
        break;
      case "item_market":
        checkServed(cases.item_market, s);
        break;
      case "messenger":
        checkServed(cases.messenger, s);
        break;
      case "mixin":
        checkServed(cases.mixin, s);
        break;
      default:
        assert.fail(`unknown catalog in ${JSON.stringify(s)}`);
    }
    seen.add(s.catalog);
  }
  assert.deepEqual([...seen].sort(), Object.keys(cases).sort());
  // Every code of every catalog was served.
  for (const c of Object.values(cases) as Case<unknown>[]) {
    const codes = Object.keys(c.module.ERRORS).length;
    const bodies = served.filter((s) => s.catalog === c.module.CATALOG && s.path.startsWith("/errors/"));
    assert.equal(bodies.length, codes, c.module.CATALOG);
  }
});

test("the run-time values of a served body are typed", () => {
  const served = read("clients/typescript/test/served.json") as readonly Served[];
  const body = (path: string): unknown => JSON.parse(served.find((s) => s.path === path)?.body ?? "null");
  const flood = body("/messenger/flood");
  assert.ok(messenger.isBody(flood));
  assert.equal(flood.wait, 30);
  assert.equal(flood.minor_code, undefined);
  const register = body("/messenger/register/99");
  assert.ok(messenger.isBody(register));
  assert.equal(register.minor_code, 99);
  const sms = body("/sms/+8613800138000");
  assert.ok(mixin.isBody(sms));
  assert.equal(sms.error.description, "Failed to deliver SMS to +8613800138000.");
});

test("the documents' JSON examples are read as the Rust side reads them", () => {
  const account = read("tests/wire/game_account.json");
  assert.ok(game_account.isBody(account));
  const found = game_account.lookup(account);
  assert.ok(found.known);
  assert.equal(found.entry.name, "LACK_OF_POC");
  assert.equal(found.entry.status, account.returncode);
  assert.equal(found.entry.message, account.userMessage);

  const mixinExample = read("tests/wire/mixin.json");
  assert.ok(mixin.isBody(mixinExample));
  const error = mixin.lookup(mixinExample);
  assert.ok(error.known);
  assert.equal(error.entry.name, "INTERNAL_SERVER_ERROR");
  // The example's text has no final period; the catalog's has one. The body keeps its own.
  assert.equal(mixinExample.error.description, "Internal Server Error");
  assert.equal(error.entry.message, "Internal Server Error.");

  // item_market's example has a code that is in none of the document's tables: kept.
  const market = read("tests/wire/item_market.json");
  assert.ok(item_market.isBody(market));
  assert.deepEqual(item_market.lookup(market), { known: false, code: "INVALID_APP_CREDENTIAL" });

  for (const example of [account, mixinExample, market]) {
    const takers = (Object.values(cases) as Case<unknown>[]).filter((c) => c.module.isBody(example));
    assert.equal(takers.length, 1, JSON.stringify(example));
  }
});

test("a fetched error narrows to a typed entry", () => {
  // What a web client does with `await response.json()`.
  const json: unknown = JSON.parse('{"error":{"status":202,"code":20117,"description":"Insufficient balance."}}');
  if (!mixin.isBody(json)) {
    assert.fail("not a mixin body");
  }
  const error = mixin.lookup(json);
  if (!error.known) {
    assert.fail("unknown code");
  }
  switch (error.entry.name) {
    case "INSUFFICIENT_BALANCE": {
      // Narrowed: the compiler knows the code and the status of this entry.
      const code: 20117 = error.entry.code;
      const status: 202 = error.entry.status;
      assert.deepEqual([code, status], [20117, 202]);
      break;
    }
    default:
      assert.fail(`narrowed to ${error.entry.name}`);
  }
  const byName: mixin.Code = mixin.CODES.INSUFFICIENT_BALANCE;
  assert.equal(mixin.ERRORS[byName].message, "Insufficient balance.");
  assert.equal(mixin.SECTIONS[mixin.ERRORS[byName].section], "Errors returned with status 202");
});

test("unknown codes are kept, unknown fields ignored", () => {
  const body = { error: { status: 202, code: 99999, description: "New.", x: [1] } };
  assert.ok(mixin.isBody(body));
  assert.deepEqual(mixin.lookup(body), { known: false, code: 99999 });
  const major = { action: 0, major_code: 77777, minor_code: 3, name: "NEW", message: "m" };
  assert.ok(messenger.isBody(major));
  assert.deepEqual(messenger.lookup(major), { known: false, code: 77777 });
  const account = { returncode: 400, detail: "SOMETHING_NEW", userMessage: "u", traceId: "7f3a" };
  assert.ok(game_account.isBody(account), "the column without a default may be absent");
  assert.deepEqual(game_account.lookup(account), { known: false, code: "SOMETHING_NEW" });
  assert.equal(mixin.isCode(20117), true);
  assert.equal(mixin.isCode("20117"), false);
  assert.equal(game_account.isCode("toString"), false);
  assert.equal(item_market.isCode("__proto__"), false);
});

test("what is not a body is refused", () => {
  const mixinBody = { error: { status: 202, code: 20117, description: "x" } };
  for (const bad of [
    null,
    [],
    "x",
    42,
    {},
    [mixinBody],
    mixinBody.error,
    { error: { ...mixinBody.error, status: "202" } },
    { error: { ...mixinBody.error, status: 70000 } },
    { error: { ...mixinBody.error, code: 1.5 } },
    { error: { status: 202, code: 20117 } },
    { error: null },
    Object.create(mixinBody) as unknown,
  ]) {
    assert.equal(mixin.isBody(bad), false, JSON.stringify(bad));
  }
  const flood = { action: 0, major_code: 10, name: "FLOOD_REQUEST", message: "m", wait: 30 };
  assert.ok(messenger.isBody(flood));
  for (const bad of [
    { ...flood, action: 5 },
    { ...flood, wait: "30" },
    { ...flood, minor_code: -1 },
    { ...flood, minor_code: 2.5 },
    { ...flood, minor_code: null },
    { ...flood, name: 7 },
  ]) {
    assert.equal(messenger.isBody(bad), false, JSON.stringify(bad));
  }
  assert.equal(item_market.isBody({ code: 5, message: "x" }), false);
  assert.equal(exchange.isBody({ code: "5", message: "x" }), false);
  assert.equal(game_account.isBody({ returncode: 400, detail: "LACK_OF_POC", message: 1, userMessage: "u" }), false);
});

test("the tables agree with each other", () => {
  for (const c of Object.values(cases) as Case<unknown>[]) {
    const { ERRORS, CODES } = c.module;
    const codes = Object.keys(ERRORS);
    assert.ok(codes.length > 0);
    assert.equal(Object.keys(CODES).length, codes.length, c.module.CATALOG);
    for (const [key, entry] of Object.entries(ERRORS)) {
      assert.equal(String(entry.code), key);
      assert.equal(CODES[entry.name], entry.code);
      assert.ok(c.module.isCode(entry.code));
      assert.deepEqual(
        entry.placeholders,
        [...entry.message.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]),
        `${c.module.CATALOG} ${entry.name}`,
      );
    }
  }
  assert.equal(messenger.ERRORS[10].name, "FLOOD_REQUEST");
  assert.equal(item_market.ERRORS.NOT_FOUND.status, 406);
});
