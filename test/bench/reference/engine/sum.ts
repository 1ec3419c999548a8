// Reference copy of src/engine/sum.ts as of d8297f3 (before the benchmark's hot-path work),
// for the equivalence test only. Do not edit.
/**
 * Compensated (Neumaier) summation. Sales lines are cents stored in binary floating point;
 * a naive running sum drifts (0.1 + 0.2 = 0.30000000000000004) and a drifted cumulative share
 * can move a customer across a tier border. The compensation costs two additions per value.
 */
export class NeumaierSum {
  private s = 0;
  private c = 0;

  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }

  get value(): number {
    return this.s + this.c;
  }
}

export function neumaierSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  let s = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    const x = values[i];
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  return s + c;
}
