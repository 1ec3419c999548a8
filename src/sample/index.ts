export { generateSalesSample, sampleCells, sampleHeaders, SAMPLE_COLUMNS, SAMPLE_DEFAULTS } from "./generate";
export type { SalesRow, SampleColumn, SampleColumnKind, SampleLocale, SampleOptions } from "./generate";
export { Random } from "./prng";
