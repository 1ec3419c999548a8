/** Types of localize-metadata.js (plain CommonJS so that webpack.config.js can require it). */

export interface FunctionTranslation {
  description: string;
  parameters?: Record<string, string>;
  result?: string;
}

export type MetadataTranslations = Record<string, FunctionTranslation>;

export interface FunctionsMetadata {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters?: { name: string; description?: string; [key: string]: unknown }[];
    result?: { description?: string; [key: string]: unknown };
    [key: string]: unknown;
  }[];
  [key: string]: unknown;
}

export function localizeMetadata(metadata: FunctionsMetadata, translations: unknown, language?: string): FunctionsMetadata;
export function localizeMetadataJson(metadataJson: string, translations: unknown, language?: string): string;
