/**
 * User-visible text, one resource file per language. Generated labels depend only on the
 * `locale` argument, never on Excel's UI language, so a shared workbook recalculates to the
 * same values for every user.
 */
import en from "./en-US.json";
import zh from "./zh-CN.json";

export type Locale = "en" | "zh";
export const LOCALES: readonly Locale[] = ["en", "zh"];

type Resource = Record<string, string | string[]>;
const RESOURCES: Record<Locale, Resource> = { en, zh };

/** The raw resource of a locale (for completeness tests and the task pane). */
export function resourceOf(locale: Locale): Readonly<Resource> {
  return RESOURCES[locale];
}

function lookup(locale: Locale, key: string): string | string[] {
  const v = RESOURCES[locale][key] ?? RESOURCES.en[key];
  if (v === undefined) throw new Error(`missing string "${key}"`);
  return v;
}

/** A string with `{name}` placeholders filled in. */
export function text(locale: Locale, key: string, args: Record<string, string | number> = {}): string {
  const v = lookup(locale, key);
  const s = Array.isArray(v) ? v.join(", ") : v;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m));
}

/** A list of strings (tier labels of a scheme). */
export function list(locale: Locale, key: string): readonly string[] {
  const v = lookup(locale, key);
  return Array.isArray(v) ? v : [v];
}
