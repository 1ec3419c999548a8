/**
 * Customer-name sets shaped to defeat a string hash table, each as the i-th name of the set
 * (distinct for i below 2^20). Used by the probe-count tests and the
 * adversarial benchmark.
 */
const pad = (i: number, width: number) => String(i).padStart(width, "0");

export const ADVERSARIAL_NAMES: Readonly<Record<string, (i: number) => string>> = {
  /** Store-level retail data: the old hash read only the first and last 32 characters. */
  "long names differing in the middle": (i) => `Northwind Traders Wholesale Ltd Store ${pad(i, 7)} - East China Regional Sales Office`,
  "names differing in the first characters": (i) => `${pad(i, 7)} Northwind Traders Wholesale Ltd`,
  "names differing in the last characters": (i) => `Northwind Traders Wholesale Ltd ${pad(i, 7)}`,
  "numeric suffixes": (i) => `Customer ${i}`,
  /**
   * Digits only at odd positions: the old hash's low 16 bits came from the even positions
   * alone (a multiplication carries differences upwards only), so at most 65,536 hashes.
   */
  "names differing only at odd positions": (i) => {
    const digits = pad(i, 8);
    let s = "";
    for (let k = 0; k < 8; k++) s += `x${digits[k]}`;
    return s;
  },
  /**
   * Every name has the same old hash: at odd positions 丁 (U+4E01) or the character 0x8000
   * away (a Hangul syllable), an even number of times the latter. In the old hash that flips
   * only the top bit of a step, which the multiplication keeps and a second flip cancels.
   */
  "names whose old hash collides": (i) => {
    let s = "";
    let parity = 0;
    for (let k = 0; k < 21; k++) {
      const flip = k < 20 ? (i >>> k) & 1 : parity;
      parity ^= flip;
      s += `客${String.fromCharCode(flip ? 0x4e01 ^ 0x8000 : 0x4e01)}`;
    }
    return s;
  },
};
