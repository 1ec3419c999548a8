/**
 * Errors in plain language: every ActionError kind has a title and a next step in both languages,
 * the actions' message is the detail, anything else is "unknown" (never a stack trace), and every
 * string the pane uses exists.
 */
import * as fs from "fs";
import * as path from "path";
import { ActionError } from "../../src/addin";
import { LOCALES, resourceOf, text } from "../../src/strings";
import { ACTION_ERROR_KINDS } from "../../src/taskpane/contract";
import { errorView, optionalText, toPaneError } from "../../src/taskpane/errors";
import { PANE_ROLES } from "../../src/taskpane/mapping";
import { SCHEME_CHOICES } from "../../src/taskpane/settings";
import { kaFunctionIds } from "../support/ka-functions";

describe("errors as the pane shows them", () => {
  test("an ActionError keeps its kind, message key and arguments", () => {
    const e = new ActionError("protected", "taskpane.error.sheetProtected", { sheet: "Sales" });
    expect(toPaneError(e)).toEqual({ kind: "protected", messageKey: "taskpane.error.sheetProtected", args: { sheet: "Sales" } });
    expect(errorView("en", toPaneError(e))).toEqual({
      title: text("en", "taskpane.errorTitle.protected"),
      detail: text("en", "taskpane.error.sheetProtected", { sheet: "Sales" }),
    });
    expect(errorView("zh", toPaneError(e)).detail).toBe(text("zh", "taskpane.error.sheetProtected", { sheet: "Sales" }));
  });

  test("anything else is unknown, shown with the general next step and no stack trace", () => {
    const view = errorView("en", toPaneError(new TypeError("x is undefined")));
    expect(view).toEqual({ title: text("en", "taskpane.errorTitle.unknown"), next: text("en", "taskpane.errorNext.unknown") });
    expect(JSON.stringify(view)).not.toMatch(/TypeError|x is undefined|\n\s+at /);
    expect(toPaneError("boom")).toEqual({ kind: "unknown" });
    expect(toPaneError({ kind: "weird", messageKey: "x" })).toEqual({ kind: "unknown" });
  });

  test("a message key that does not exist, or leaves placeholders, falls back to the next step", () => {
    expect(errorView("en", { kind: "noTable", messageKey: "taskpane.error.noSuchKey" })).toEqual({
      title: text("en", "taskpane.errorTitle.noTable"),
      next: text("en", "taskpane.errorNext.noTable"),
    });
    expect(optionalText("en", "taskpane.error.sheetProtected")).toBeUndefined();
  });

  test.each(LOCALES)("%s: every error kind has a title and a next step", (locale) => {
    const missing = ACTION_ERROR_KINDS.flatMap((k) => [`taskpane.errorTitle.${k}`, `taskpane.errorNext.${k}`]).filter(
      (key) => !(key in resourceOf(locale)),
    );
    expect(missing).toEqual([]);
  });
});

describe("the pane's strings", () => {
  const dir = path.join(__dirname, "../../src/taskpane");
  const files = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : []));

  test.each(LOCALES)("%s: every key named in src/taskpane, and every key built from a name, exists", (locale) => {
    const res = resourceOf(locale);
    const named = new Set<string>();
    for (const f of files(dir))
      for (const m of fs.readFileSync(f, "utf8").matchAll(/["'`](taskpane\.[A-Za-z0-9.]+[A-Za-z0-9])["'`]/g)) named.add(m[1]);
    const built = [
      ...PANE_ROLES.map((r) => `taskpane.role.${r}`),
      ...SCHEME_CHOICES.map((s) => `taskpane.settings.scheme.${s}`),
      ...["contribution", "matrix", "plans", "risk", "all", "tier"].map((a) => `taskpane.progress.${a}`),
      ...["contribution", "matrix", "plans", "risk"].map((a) => `taskpane.actions.${a}`),
      ...["revenue", "profit"].map((m) => `taskpane.settings.measure.${m}`),
      ...["attractiveness", "strength"].map((a) => `taskpane.settings.weights.${a}`),
      ...kaFunctionIds().map((f) => `taskpane.fn.${f}`),
    ];
    expect(named.size).toBeGreaterThan(60);
    expect([...named, ...built].filter((k) => !(k in res))).toEqual([]);
  });

  test.each(LOCALES)("%s: the functions list has a summary for each KA function and for nothing else", (locale) => {
    const summaries = Object.keys(resourceOf(locale)).filter((k) => k.startsWith("taskpane.fn."));
    expect(summaries.sort()).toEqual(
      kaFunctionIds()
        .map((f) => `taskpane.fn.${f}`)
        .sort(),
    );
  });
});
