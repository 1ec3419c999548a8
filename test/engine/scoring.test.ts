import fc from "fast-check";
import { messageIn } from "../../src/engine/errors";
import { scoreFormula } from "../../src/engine/formulas/score";
import { normaliseCriterion, SCORE_BLANK, scoreAccounts } from "../../src/engine/scoring";
import { kaError, NA, flat } from "../support/excel";

describe("scoring domain", () => {
  test("normaliseCriterion: min–max, flipped for lower-is-better, 0.5 for constant columns, NaN kept", () => {
    const out = new Float64Array(4);
    normaliseCriterion([10, NaN, 30, 20], 1, out);
    expect(Array.from(out)).toEqual([0, NaN, 1, 0.5]);
    normaliseCriterion([10, NaN, 30, 20], -1, out);
    expect(Array.from(out)).toEqual([1, NaN, 0, 0.5]);
    normaliseCriterion([7, 7, NaN, 7], 1, out);
    expect(Array.from(out)).toEqual([0.5, 0.5, NaN, 0.5]);
  });

  test("normaliseCriterion survives a range wider than the largest double", () => {
    const out = new Float64Array(3);
    normaliseCriterion([-1.5e308, 0, 1.5e308], 1, out);
    expect(Array.from(out)).toEqual([0, 0.5, 1]);
  });

  test("scoreAccounts marks fully blank rows", () => {
    const m = { rows: 2, cols: 2, values: Float64Array.from([1, NaN, 2, NaN]) };
    expect(scoreAccounts(m, [1, 1], [1, 1]).scores[1]).toBe(SCORE_BLANK);
  });
});

describe("KA.SCORE", () => {
  // Column 1 (higher better): 100, 50, 0 -> 1, 0.5, 0.
  // Column 2 (lower better): 6, 2, 4 -> 0, 1, 0.5. Weights 3:1 -> 0.75 / 0.25.
  const criteria = [
    [100, 6],
    [50, 2],
    [0, 4],
  ];

  test("weighted min–max score with directions, as an N×1 column", () => {
    expect(scoreFormula(criteria, [[3, 1]], [[1, -1]])).toEqual([[75], [62.5], [12.5]]);
  });

  test("weights and directions may be rows or columns; weights are normalised (percent text too)", () => {
    expect(scoreFormula(criteria, [[3], [1]], [[1], [-1]])).toEqual([[75], [62.5], [12.5]]);
    expect(scoreFormula(criteria, [["75%", "25%"]], [[1, "-1"]])).toEqual([[75], [62.5], [12.5]]);
    expect(scoreFormula(criteria, [[30, 10]], [[1, -1]])).toEqual([[75], [62.5], [12.5]]);
  });

  test("directions default to 1 (higher is better)", () => {
    // Column 2 higher better: 6, 2, 4 -> 1, 0, 0.5; equal weights.
    expect(scoreFormula(criteria, [[1, 1]])).toEqual([[100], [25], [25]]);
    expect(scoreFormula(criteria, [[1, 1]], null)).toEqual([[100], [25], [25]]);
  });

  test("a constant column gives 0.5 to every row", () => {
    expect(
      scoreFormula(
        [
          [10, 7],
          [20, 7],
          [30, 7],
        ],
        [[1, 1]],
      ),
    ).toEqual([[25], [50], [75]]);
    // one account alone: every column is constant
    expect(scoreFormula([[5, 9]], [[1, 1]])).toEqual([[50]]);
  });

  test("N×1 criteria with a scalar weight", () => {
    expect(scoreFormula([[10], [20], [30]], 1)).toEqual([[0], [50], [100]]);
    expect(scoreFormula([[10], [20], [30]], [[2]], -1)).toEqual([[100], [50], [0]]);
  });

  test('a fully blank row gives ""; a partly blank row is scored on its other criteria', () => {
    // Row 2 lacks column 2: scored on column 1 alone (0.5 -> 50).
    // Column 2 over 6 and 4, lower better: 6 -> 0, 4 -> 1.
    const c = [
      [100, 6],
      [50, null],
      [null, ""],
      [0, 4],
      ["  ", undefined],
    ];
    expect(flat(scoreFormula(c, [[3, 1]], [[1, -1]]))).toEqual([75, 50, "", 25, ""]);
  });

  test("0 is a value in criteria, not a blank", () => {
    expect(scoreFormula([[0], [10]], [[1]])).toEqual([[0], [100]]);
    expect(
      scoreFormula(
        [
          [0, 0],
          [10, 0],
        ],
        [[1, 1]],
      ),
    ).toEqual([[25], [75]]);
  });

  test("negative values and numbers stored as text", () => {
    // Column 1: 1234, 2468, 1851 -> 0, 1, 0.5. Column 2: -12, 3, -4.5 -> 0, 1, 0.5.
    const c = [
      ["1,234", "(12)"],
      ["¥2,468", "３"],
      [1851, "-4.5"],
    ];
    expect(scoreFormula(c, [[1, 1]])).toEqual([[0], [100], [50]]);
  });

  test("weights and directions are validated with messages", () => {
    const count = kaError(() => scoreFormula(criteria, [[1, 2, 3]]));
    expect(count.code).toBe("#VALUE!");
    expect(count.message).toContain("(2)");
    expect(count.message).toContain("holds 3");
    expect(kaError(() => scoreFormula(criteria, [[1, -1]])).message).toMatch(/weights, column 2: -1 is negative/);
    expect(kaError(() => scoreFormula(criteria, [[0, 0]])).message).toContain("all 0");
    expect(kaError(() => scoreFormula(criteria, [[1, null]])).message).toMatch(/weights, column 2: the weight is blank/);
    expect(kaError(() => scoreFormula(criteria, [["heavy", 1]])).message).toContain("heavy");
    expect(kaError(() => scoreFormula(criteria, [[1], [NA]])).message).toMatch(/weights, row 2.*#N\/A/);
    expect(kaError(() => scoreFormula(criteria, [[1, 1]], [[1, 0]])).message).toMatch(/directions, column 2: "0" is not a direction/);
    expect(kaError(() => scoreFormula(criteria, [[1, 1]], [[1, 2]])).message).toContain('"2"');
    expect(kaError(() => scoreFormula(criteria, [[1, 1]], [[1, -1, 1]])).message).toContain("holds 3");
    expect(
      kaError(() =>
        scoreFormula(criteria, [
          [1, 1],
          [1, 1],
        ]),
      ).message,
    ).toContain("2×2");
  });

  test("bad criteria cells name the row and column", () => {
    const t = kaError(() =>
      scoreFormula(
        [
          [1, 2],
          [3, "high"],
        ],
        [[1, 1]],
      ),
    );
    expect(t.code).toBe("#VALUE!");
    expect(t.message).toContain("criteria, row 2, column 2");
    expect(t.message).toContain("high");
    expect(messageIn(t, "zh")).toContain("第 2 行");
    const na = kaError(() => scoreFormula([[NA, 2]], [[1, 1]]));
    expect(na.message).toMatch(/criteria, row 1, column 1.*#N\/A/);
    expect(kaError(() => scoreFormula([], 1)).message).toContain("criteria is empty");
  });

  test("a row with values only on zero-weight criteria cannot be scored", () => {
    const e = kaError(() =>
      scoreFormula(
        [
          [1, 5],
          [null, 6],
          [3, 7],
        ],
        [[1, 0]],
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("row 2");
    expect(e.message).toContain("weight 0");
    // the same column with weight 0 is fine when every row also has a weighted value
    expect(
      scoreFormula(
        [
          [1, 5],
          [2, 6],
          [3, 7],
        ],
        [[1, 0]],
      ),
    ).toEqual([[0], [50], [100]]);
  });

  // Random Excel-like inputs: small integer grids with blanks, positive weights.
  const cell = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -50, max: 50 }) }, { weight: 1, arbitrary: fc.constantFrom(null, "") });
  const grid = fc.integer({ min: 1, max: 4 }).chain((m) =>
    fc.record({
      rows: fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: 1, maxLength: 12 }),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: m, maxLength: m }),
      directions: fc.array(fc.constantFrom(1, -1), { minLength: m, maxLength: m }),
    }),
  );
  const isBlankCell = (x: unknown) => x === null || x === "";

  test('property: every score lies in [0, 100], and "" exactly for fully blank rows', () => {
    fc.assert(
      fc.property(grid, ({ rows, weights, directions }) => {
        const out = flat(scoreFormula(rows, [weights], [directions]));
        return out.every((s, i) => {
          const blank = rows[i].every(isBlankCell);
          return blank ? s === "" : typeof s === "number" && s >= 0 && s <= 100;
        });
      }),
    );
  });

  test("property: reordering the rows reorders the scores and changes nothing else", () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 11 }), ({ rows, weights, directions }, k) => {
        const shift = k % rows.length;
        const rotated = [...rows.slice(shift), ...rows.slice(0, shift)];
        const a = flat(scoreFormula(rows, [weights], [directions]));
        const b = flat(scoreFormula(rotated, [weights], [directions]));
        return rotated.every((_, i) => Object.is(b[i], a[(i + shift) % rows.length]));
      }),
    );
  });

  test("property: a row at least as good on every criterion never scores lower", () => {
    const complete = grid.map((g) => ({ ...g, rows: g.rows.map((r) => r.map((x) => (isBlankCell(x) ? 0 : x))) }));
    fc.assert(
      fc.property(complete, ({ rows, weights, directions }) => {
        const out = flat(scoreFormula(rows, [weights], [directions])) as number[];
        for (let a = 0; a < rows.length; a++) {
          for (let b = 0; b < rows.length; b++) {
            const dominates = rows[a].every((x, j) => directions[j] * (x - rows[b][j]) >= 0);
            if (dominates && out[a] < out[b]) return false;
          }
        }
        return true;
      }),
    );
  });

  test("property: negating a column and flipping its direction gives the same scores", () => {
    fc.assert(
      fc.property(grid, ({ rows, weights, directions }) => {
        const negated = rows.map((r) => r.map((x, j) => (j === 0 && typeof x === "number" ? -x : x)));
        const flipped = directions.map((d, j) => (j === 0 ? -d : d));
        const a = flat(scoreFormula(rows, [weights], [directions]));
        const b = flat(scoreFormula(negated, [weights], [flipped]));
        return a.every((s, i) => (s === "" ? b[i] === "" : Math.abs((s as number) - (b[i] as number)) < 1e-9));
      }),
    );
  });
});
