/**
 * Formula text as stored in SpreadsheetML `<f>`: no leading "=", and functions added to Excel
 * after 2007 carry the `_xlfn.` prefix (Excel shows #NAME? for e.g. a bare `RANK.EQ(` in a
 * file; LibreOffice maps the prefixed names too). Text inside "string literals" and 'sheet
 * names' is left alone.
 */
import { wellFormed } from "../../excel/well-formed";

const XLFN = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR " +
    "BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS " +
    "CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ECMA.CEILING " +
    "ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FLOOR.MATH FLOOR.PRECISE FORECAST.ETS " +
    "FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV " +
    "GAMMALN.PRECISE GAUSS HSTACK IFNA IFS IMAGE ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS " +
    "MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION " +
    "PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY " +
    "RANK.AVG RANK.EQ REDUCE RRI SCAN SEC SECH SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT " +
    "T.INV T.INV.2T T.TEST TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S " +
    "VSTACK WEIBULL.DIST WORKDAY.INTL WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST"
  ).split(" "),
);
/** Functions Excel stores with the worksheet-namespace prefix. */
const XLWS = new Set(["FILTER", "SORT"]);

const FUNCTION_NAME = /[A-Za-z][A-Za-z0-9.]*(?=\s*\()/y;

/**
 * The formula as it goes into the file: leading "=" removed, future functions prefixed, lone
 * surrogates (in a quoted customer or sheet name) U+FFFD, as the names and cells show them.
 */
export function storedFormula(formula: string): string {
  const f = wellFormed(formula).trim().replace(/^=+/, "");
  let out = "";
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      // Copy a "string" or 'sheet name' literal verbatim (doubled quotes stay inside).
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === ch) {
          if (f[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    FUNCTION_NAME.lastIndex = i;
    const m = FUNCTION_NAME.exec(f);
    const prev = i > 0 ? f[i - 1] : "";
    if (m && !/[A-Za-z0-9_.\\]/.test(prev)) {
      const name = m[0].toUpperCase();
      if (XLFN.has(name)) out += "_xlfn." + m[0];
      else if (XLWS.has(name)) out += "_xlfn._xlws." + m[0];
      else out += m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
