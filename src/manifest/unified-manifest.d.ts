/** Types of unified-manifest.js (plain CommonJS so that webpack.config.js can require it). */

export const MANIFEST_VERSION: string;
export function unifiedManifest(xmlText: string): Record<string, unknown>;
export function unifiedLocalization(xmlText: string, locale: string): Record<string, string>;
export function unifiedManifestFiles(xmlText: string): Record<string, string>;
