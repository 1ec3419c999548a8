export { renderSheets, SheetRenderError } from "./render";
export type { RenderResult } from "./render";
