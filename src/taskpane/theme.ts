/**
 * Fluent themes in Excel's green (brand ramp around #107C41), light and dark, with the Chinese
 * UI fonts after Segoe UI. Checked for contrast by the browser test's axe run.
 */
import { createDarkTheme, createLightTheme, type BrandVariants, type Theme as FluentTheme } from "@fluentui/react-components";

const EXCEL_GREEN: BrandVariants = {
  10: "#031009",
  20: "#082115",
  30: "#0A301D",
  40: "#0B3E25",
  50: "#0C4D2D",
  60: "#0D5C35",
  70: "#0E6B3C",
  80: "#107C41",
  90: "#2A8B54",
  100: "#4FA070",
  110: "#5DB07F",
  120: "#6CBB8C",
  130: "#7CC49A",
  140: "#96D1AE",
  150: "#B3DFC4",
  160: "#D2EDDC",
};

const CJK_FONTS = `"Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"`;

function withFonts(theme: FluentTheme): FluentTheme {
  return { ...theme, fontFamilyBase: `${theme.fontFamilyBase}, ${CJK_FONTS}` };
}

export const LIGHT_THEME: FluentTheme = withFonts(createLightTheme(EXCEL_GREEN));
export const DARK_THEME: FluentTheme = withFonts({
  ...createDarkTheme(EXCEL_GREEN),
  colorBrandForeground1: EXCEL_GREEN[110],
  colorBrandForeground2: EXCEL_GREEN[120],
});
