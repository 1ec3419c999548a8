/**
 * The operations the Office.js renderer queues for a sheet, each with its estimated request
 * size in bytes: planned without Office.js (write-plan.ts), applied by apply-op.ts.
 */
import type { ConditionalFormat, ListValidation, NamedRange, PrintSetup, RangeRef, TableDef } from "../../sheets/model";
import type { ExcelScalar } from "./encode";
import type { FormatSetting } from "./styles";

export interface CellsOp {
  readonly kind: "cells";
  readonly rect: RangeRef;
  readonly prop: "values" | "formulas";
  readonly rows: readonly (readonly ExcelScalar[])[];
  /** JSON bytes of each row, including its separating comma. */
  readonly rowBytes: readonly number[];
}

interface ScalarOp {
  readonly kind: "scalar";
  readonly rect: RangeRef;
  readonly prop: "formulasR1C1" | "numberFormat" | "values";
  readonly value: ExcelScalar;
  readonly bytes: number;
}

export interface SeriesWrite {
  readonly name: string;
  readonly values: RangeRef;
  readonly categories: RangeRef;
  readonly sizes?: RangeRef;
  readonly chartType?: "Line" | "XYScatterLinesNoMarkers";
  readonly secondary: boolean;
  readonly color?: string;
  readonly colorMode: "fill" | "line" | "marker";
  readonly dashed?: boolean;
}

export interface ChartWrite {
  readonly title: string;
  readonly anchor: RangeRef;
  readonly type: "ColumnClustered" | "XYScatter" | "Bubble";
  readonly series: readonly SeriesWrite[];
  readonly xAxisTitle?: string;
  /** Number format of the primary value axis (ExcelApi 1.8). */
  readonly yAxisFormat?: string;
  readonly yAxisTitle?: string;
  readonly y2AxisTitle?: string;
  /** Secondary value axis bounds and format (ExcelApi 1.8), when the chart has a secondary series. */
  readonly y2?: { readonly max?: number; readonly min?: number; readonly numberFormat?: string };
  /** Series data sits in hidden helper columns: plot hidden cells too (ExcelApi 1.8). */
  readonly plotHidden: boolean;
}

export type WriteOp =
  | CellsOp
  | ScalarOp
  | { readonly kind: "format"; readonly rect: RangeRef; readonly settings: readonly FormatSetting[]; readonly bytes: number }
  | { readonly kind: "columnWidth"; readonly firstCol: number; readonly lastCol: number; readonly points: number; readonly bytes: number }
  | { readonly kind: "hideColumns"; readonly firstCol: number; readonly lastCol: number; readonly bytes: number }
  | { readonly kind: "merge"; readonly rect: RangeRef; readonly bytes: number }
  | { readonly kind: "table"; readonly def: TableDef; readonly name: string; readonly bytes: number }
  | { readonly kind: "conditionalFormat"; readonly def: ConditionalFormat; readonly bytes: number }
  | { readonly kind: "validation"; readonly def: ListValidation; readonly source: string; readonly bytes: number }
  | { readonly kind: "name"; readonly def: NamedRange; readonly name: string; readonly comment?: string; readonly bytes: number }
  | { readonly kind: "chart"; readonly chart: ChartWrite; readonly bytes: number }
  | { readonly kind: "freeze"; readonly rows: number; readonly cols: number; readonly bytes: number }
  | { readonly kind: "tabColor"; readonly color: string; readonly bytes: number }
  | { readonly kind: "autofitRows"; readonly rect: RangeRef; readonly bytes: number }
  | { readonly kind: "rowHeight"; readonly row: number; readonly points: number; readonly bytes: number }
  | { readonly kind: "pageLayout"; readonly print: PrintSetup; readonly bytes: number };
