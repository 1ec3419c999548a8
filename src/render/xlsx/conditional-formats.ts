/** The model's conditional formats as ExcelJS conditional formatting rules. */
import type ExcelJS from "exceljs";
import { a1Range, type ConditionalFormat } from "../../sheets/model";
import { toArgb } from "./styles";

/** The ExcelJS rule for one conditional format, at the given priority. */
export function conditionalFormat(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  const ref = a1Range(cf.range);
  switch (cf.kind) {
    case "colorScale": {
      const cfvo: ExcelJS.Cvfo[] = [{ type: "min" }];
      const color: Partial<ExcelJS.Color>[] = [{ argb: toArgb(cf.min) ?? "FFF8696B" }];
      if (cf.mid !== undefined) {
        cfvo.push({ type: "percentile", value: 50 });
        color.push({ argb: toArgb(cf.mid) ?? "FFFFEB84" });
      }
      cfvo.push({ type: "max" });
      color.push({ argb: toArgb(cf.max) ?? "FF63BE7B" });
      return { ref, rules: [{ type: "colorScale", priority, cfvo, color }] };
    }
    case "dataBar":
      return {
        ref,
        rules: [
          {
            type: "dataBar",
            priority,
            minLength: 0,
            maxLength: 100,
            gradient: false,
            cfvo: [{ type: "min" }, { type: "max" }],
            color: { argb: toArgb(cf.color) ?? "FF638EC6" },
          } as ExcelJS.DataBarRuleType,
        ],
      };
    case "textEquals": {
      const fill = toArgb(cf.fill) ?? "FFFFC7CE";
      const style: Partial<ExcelJS.Style> = {
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: fill }, bgColor: { argb: fill } },
      };
      const font = toArgb(cf.font);
      if (font) style.font = { color: { argb: font } };
      // "cellIs equal" compares text case-insensitively, like Excel's "Text that contains/equals" rules.
      return { ref, rules: [{ type: "cellIs", priority, operator: "equal", formulae: [`"${cf.text.replace(/"/g, '""')}"`], style }] };
    }
  }
}
