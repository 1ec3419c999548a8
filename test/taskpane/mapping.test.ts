/** Editing the column mapping in the pane (one role per column, criteria roles take several). */
import {
  assignColumn,
  clampMapping,
  columnsOfRole,
  mappingProblems,
  roleOfColumn,
  sameHeaders,
  sameMapping,
} from "../../src/taskpane/mapping";

describe("column mapping edits", () => {
  const proposed = { customer: 0, revenue: 2, profit: 4, attractiveness: [8], strength: [9], orderId: 5 };

  test("a single role moves to the column it is given; its old column becomes unused", () => {
    const m = assignColumn(proposed, 3, "revenue");
    expect(m.revenue).toBe(3);
    expect(roleOfColumn(m, 2)).toBe("");
    expect(roleOfColumn(m, 3)).toBe("revenue");
    expect(proposed.revenue).toBe(2); // never mutated
  });

  test("a column holds one role: giving it another removes the first", () => {
    const m = assignColumn(proposed, 0, "region");
    expect(m.customer).toBeUndefined();
    expect(m.region).toBe(0);
    expect(mappingProblems(m)).toEqual(["taskpane.mapping.needCustomer"]);
  });

  test("criteria roles collect several columns in column order, and lose one without losing the others", () => {
    let m = assignColumn(proposed, 6, "attractiveness");
    m = assignColumn(m, 1, "attractiveness");
    expect(m.attractiveness).toEqual([1, 6, 8]);
    m = assignColumn(m, 6, "");
    expect(m.attractiveness).toEqual([1, 8]);
    m = assignColumn(m, 9, "profit");
    expect(m.strength).toEqual([]);
    expect(m.profit).toBe(9);
    expect(columnsOfRole(m, "strength")).toEqual([]);
  });

  test("roles the pane does not offer are kept, unless their column is given another role", () => {
    expect(assignColumn(proposed, 3, "date").orderId).toBe(5);
    expect(roleOfColumn(proposed, 5)).toBe("orderId");
    expect(assignColumn(proposed, 5, "quantity").orderId).toBeUndefined();
  });

  test("not used: the column leaves every role", () => {
    const m = assignColumn(proposed, 4, "");
    expect(m.profit).toBeUndefined();
    expect(sameMapping(m, proposed)).toBe(false);
    expect(sameMapping(assignColumn(m, 4, "profit"), proposed)).toBe(true);
  });

  test("columns outside the table are dropped (a saved mapping for a narrower table)", () => {
    expect(clampMapping({ customer: 0, revenue: 7, attractiveness: [1, 9], strength: [-1, 2.5] }, 8)).toEqual({
      customer: 0,
      revenue: 7,
      attractiveness: [1],
      strength: [],
    });
  });

  test("problems: a customer and a revenue or profit column are needed", () => {
    expect(mappingProblems({})).toEqual(["taskpane.mapping.needCustomer", "taskpane.mapping.needValue"]);
    expect(mappingProblems({ customer: 0, profit: 1 })).toEqual([]);
    expect(mappingProblems({ customer: 0, attractiveness: [] })).toEqual(["taskpane.mapping.needValue"]);
  });

  test("saved headers match the table's when the same texts are in the same order", () => {
    expect(sameHeaders(["Customer", " Revenue "], ["Customer", "Revenue"])).toBe(true);
    expect(sameHeaders(["Customer", "Revenue"], ["Revenue", "Customer"])).toBe(false);
    expect(sameHeaders(["Customer"], ["Customer", "Revenue"])).toBe(false);
  });
});
