export { renderSheets, insertSheets, SheetRenderError } from "./render";
export type { RenderOptions, RenderResult, RenderWarning, CleanupOutcome } from "./render";
export { a1ToR1C1, r1c1ToA1 } from "./r1c1";
export { DEFAULT_MAX_REQUEST_BYTES } from "./encode";
