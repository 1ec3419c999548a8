/** Excel's sheet size (since Excel 2007): every layer checks rows and columns against these. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
