/** Types of help-pages.js (plain CommonJS so that webpack.config.js can require it). */
import type { FunctionsMetadata } from "../functions/localize-metadata";

export function helpPages(input: {
  metadata: { en: FunctionsMetadata; zh: FunctionsMetadata };
  strings: { en: Record<string, string>; zh: Record<string, string> };
  readme: string;
  namespace: string;
}): Record<string, string>;
export function helpUrlOf(baseUrl: string, id: string, tag: "en" | "zh"): string;
export function readmeExamples(readme: string): Map<string, string[]>;
export function splitExample(line: string): { formula: string; note: string };
export function pageOf(id: string): string;
