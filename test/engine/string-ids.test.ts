import { MAX_CHAIN, probeStats, resetProbeStats, StringIds } from "../../src/engine/input/string-ids";
import { Random } from "../../src/sample/prng";

/** Every text gets the same hash, so every lookup walks the probe sequence and compares texts. */
const COLLIDING = 12345;

describe("StringIds", () => {
  test("colliding hashes: each text finds its own id, unknown texts find none", () => {
    const t = new StringIds(false);
    const texts = ["a", "b", "ab", "ba", "", "é", "客户甲", "A"];
    texts.forEach((s, i) => t.add(s, COLLIDING, 100 + i));
    texts.forEach((s, i) => expect(t.get(s, COLLIDING)).toBe(100 + i));
    for (const s of ["c", "aa", "客户乙", "a "]) expect(t.get(s, COLLIDING)).toBe(-1);
    expect(t.get("a", COLLIDING + 1)).toBe(-1);
  });

  test("a folded table equates A-Z with a-z and nothing else", () => {
    const t = new StringIds(true);
    t.add("acme gmbh", COLLIDING, 0);
    t.add("müller", COLLIDING, 1);
    expect(t.get("ACME GmbH", COLLIDING)).toBe(0);
    expect(t.get("Acme gmbh", COLLIDING)).toBe(0);
    expect(t.get("MÜLLER", COLLIDING)).toBe(-1); // Ü is not folded here: the callers key such texts
    expect(t.get("MüLLER", COLLIDING)).toBe(1);
    expect(new StringIds(false).get("x", 1)).toBe(-1);
  });

  test.each([0, 5, 64, 1 << 20])("past the packed-word budget (%i) entries compare against their texts", (budget) => {
    const r = new Random(3);
    for (const folded of [false, true]) {
      const t = new StringIds(folded, budget);
      const seen = new Map<string, number>();
      for (let i = 0; i < 5000; i++) {
        const s = `Name ${r.int(0, 3000)}${r.chance(0.1) ? "é" : ""}`;
        const key = folded ? s.toLowerCase() : s;
        // A weak hash on purpose: many collisions, so text comparisons decide.
        const h = s.length * 31 + (s.charCodeAt(s.length - 1) & 7);
        const probe = folded && r.chance(0.5) ? s.toUpperCase().replace("É", "é") : s;
        const got = t.get(probe, h);
        expect(got).toBe(seen.get(key) ?? -1);
        if (got < 0) {
          seen.set(key, 7 * seen.size);
          t.add(s, h, 7 * (seen.size - 1));
        }
      }
      expect(t.size).toBe(seen.size);
    }
  });

  test.each([false, true])("texts that all share one hash (folded: %s): the table moves to a Map, same ids, chains bounded", (folded) => {
    // 3,000 texts on one chain cost 4.5 million probes without the bound.
    for (const budget of [0, 1 << 20]) {
      const t = new StringIds(folded, budget);
      const texts = Array.from({ length: 3000 }, (_, i) => `Store ${i}${i % 7 === 0 ? " é" : ""}`);
      resetProbeStats();
      texts.forEach((s, i) => {
        expect(t.get(s, COLLIDING)).toBe(-1);
        t.add(s, COLLIDING, 10 * i);
      });
      texts.forEach((s, i) => expect(t.get(folded ? s.toUpperCase().replace("É", "é") : s, COLLIDING)).toBe(10 * i));
      expect(t.get("Store", COLLIDING)).toBe(-1);
      expect(t.get(folded ? "STORE 1 É" : "Store 1 É", COLLIDING)).toBe(-1);
      expect(t.size).toBe(texts.length);
      const stats = probeStats();
      expect(stats.fallbacks).toBe(1);
      expect(stats.longestChain).toBeLessThanOrEqual(MAX_CHAIN + 1);
      expect(stats.probes).toBeLessThanOrEqual(2 * MAX_CHAIN * MAX_CHAIN);
    }
  });
});
