/**
 * Every user-visible string lives once per language: the two resource files must hold the
 * same keys, no empty text, the same placeholders, and lists of the same length.
 */
import { LOCALES, resourceOf } from "../../src/strings";

const placeholders = (s: string | string[]) => [...(Array.isArray(s) ? s.join("|") : s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("string resources", () => {
  const en = resourceOf("en");
  const zh = resourceOf("zh");

  test("both languages define exactly the same keys", () => {
    const missingInZh = Object.keys(en).filter((k) => !(k in zh));
    const missingInEn = Object.keys(zh).filter((k) => !(k in en));
    expect({ missingInZh, missingInEn }).toEqual({ missingInZh: [], missingInEn: [] });
  });

  test.each(LOCALES)("%s: no empty strings", (loc) => {
    const empty = Object.entries(resourceOf(loc)).filter(([, v]) => (Array.isArray(v) ? v.some((x) => !x.trim()) : !v.trim()));
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  test("placeholders and list lengths agree between languages", () => {
    const bad: string[] = [];
    for (const [k, v] of Object.entries(en)) {
      const z = zh[k];
      if (z === undefined) continue;
      if (Array.isArray(v) !== Array.isArray(z) || (Array.isArray(v) && v.length !== (z as string[]).length)) bad.push(`${k}: shape`);
      if (placeholders(v).join() !== placeholders(z).join()) bad.push(`${k}: {${placeholders(v)}} vs {${placeholders(z)}}`);
    }
    expect(bad).toEqual([]);
  });

  test("Chinese texts are Chinese (except codes and letters that are the same in both)", () => {
    const sameOnPurpose = /^(scheme\.(ABC|AUTO)\.labels|position\.|locale\.)/;
    const notChinese = Object.entries(zh).filter(([k, v]) => {
      if (sameOnPurpose.test(k)) return false;
      const s = Array.isArray(v) ? v.join("") : v;
      // Pure layout strings ("{n}. {name}") have no words to translate.
      if (!/\p{L}/u.test(s.replace(/\{\w+\}/g, ""))) return false;
      return !/[\u3400-\u9fff]/.test(s) && s === (Array.isArray(en[k]) ? en[k].join("") : en[k]);
    });
    expect(notChinese.map(([k]) => k)).toEqual([]);
  });
});
