/** The pane's language for its components: `useText()` gives `t(key, args)` in the current locale. */
import { createContext, useContext, useMemo } from "react";
import { list, text, type Locale } from "../strings";

export const LocaleContext = createContext<Locale>("en");

export type T = ((key: string, args?: Record<string, string | number>) => string) & {
  locale: Locale;
  list: (key: string) => readonly string[];
};

export function translator(locale: Locale): T {
  const t = ((key: string, args?: Record<string, string | number>) => text(locale, key, args)) as T;
  t.locale = locale;
  t.list = (key: string) => list(locale, key);
  return t;
}

export function useText(): T {
  const locale = useContext(LocaleContext);
  return useMemo(() => translator(locale), [locale]);
}

/** UI language: Chinese when the language tag starts with "zh" (zh-CN, zh-TW, …), else English. */
export function localeOf(language: string | null | undefined): Locale {
  return typeof language === "string" && language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const STORAGE_KEY = "ka-planner.locale";

/** The language the user chose by hand last time (kept in the browser's storage), if any. */
export function storedLocale(): Locale | undefined {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === "en" || v === "zh" ? v : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage can be unavailable (private mode, policies): the choice then lasts for this session.
  }
}
