export { generateSalesSample, sampleHeaders, SAMPLE_COLUMNS, SAMPLE_DEFAULTS } from "./generate";
export type { SalesRow, SampleColumnKind, SampleLocale } from "./generate";
export { Random } from "./prng";
