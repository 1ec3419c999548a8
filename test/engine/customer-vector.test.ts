import { KaError } from "../../src/engine/errors";
import { customerKey, NO_CUSTOMER, readCustomerVector } from "../../src/engine/input/customer-vector";
import { isBlank } from "../../src/engine/input/cells";
import { vectorOf } from "../../src/engine/input/range";
import { Random } from "../../src/sample/prng";

const read = (cells: unknown[]) =>
  readCustomerVector(
    vectorOf(
      cells.map((c) => [c]),
      "customers",
    ),
  );

/** The grouping rule, written plainly: a Map from the key of each cell's text to the first spelling. */
function oracle(cells: unknown[]) {
  const byKey = new Map<string, number>();
  const names: string[] = [];
  const ids = cells.map((c) => {
    if (isBlank(c)) return NO_CUSTOMER;
    const display = typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c).trim();
    const key = customerKey(display);
    let id = byKey.get(key);
    if (id === undefined) {
      id = names.length;
      byKey.set(key, id);
      names.push(display);
    }
    return id;
  });
  const keys = names.map(customerKey);
  return { ids, names, namesAscending: keys.every((k, i) => i === 0 || keys[i - 1] < k) };
}

describe("readCustomerVector", () => {
  test("a list in name order: spellings of one customer side by side are one customer", () => {
    const v = read([12, "12 ", "12x", "Acme", "ACME", " acme ", null, "", "Beta", "beta\u3000", true, "zeta"]);
    expect(Array.from(v.ids)).toEqual([0, 0, 1, 2, 2, 2, -1, -1, 3, 3, 4, 5]);
    expect(v.names).toEqual(["12", "12x", "Acme", "Beta", "TRUE", "zeta"]);
    expect(v.namesAscending).toBe(true);
  });

  test("a customer seen before, after the list went out of order, keeps its id", () => {
    const v = read(["a", "b", "c", "B", "a", "aa", "d", "C"]);
    expect(Array.from(v.ids)).toEqual([0, 1, 2, 1, 0, 3, 4, 2]);
    expect(v.names).toEqual(["a", "b", "c", "aa", "d"]);
    expect(v.namesAscending).toBe(false);
  });

  test("an error cell is #VALUE! naming its row, in order or not", () => {
    for (const cells of [
      ["a", "b", "#N/A", "c"],
      ["b", "a", "#N/A", "c"],
    ]) {
      let thrown: unknown;
      try {
        read(cells);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(KaError);
      expect((thrown as KaError).code).toBe("#VALUE!");
      expect((thrown as KaError).message).toContain("3");
    }
  });

  test("sorted, nearly sorted and shuffled columns group exactly as the plain rule", () => {
    const r = new Random(11);
    const pool = [
      "Acme",
      "acme",
      " ACME",
      "Beta",
      "Ä",
      "ä",
      "客户甲",
      "Zeta ",
      "zeta",
      7,
      7.5,
      "7",
      true,
      "TRUE",
      null,
      "  ",
      "Kunde",
      "\u212Aunde",
    ];
    for (let rep = 0; rep < 300; rep++) {
      const n = r.int(1, 60);
      const cells = Array.from({ length: n }, () => (r.chance(0.5) ? r.pick(pool) : `c${r.int(0, 40)}`));
      const key = (c: unknown) => (isBlank(c) ? "" : customerKey(typeof c === "boolean" ? String(c).toUpperCase() : String(c)));
      cells.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      // Some columns stay sorted; others get a few cells moved, or are shuffled.
      const moves = r.pick([0, 0, 1, 3, n]);
      for (let k = 0; k < moves && n > 1; k++) {
        const i = r.int(0, n - 1);
        const j = r.int(0, n - 1);
        [cells[i], cells[j]] = [cells[j], cells[i]];
      }
      const v = read(cells);
      expect({ ids: Array.from(v.ids), names: v.names, namesAscending: v.namesAscending }).toEqual(oracle(cells));
    }
  });
});
