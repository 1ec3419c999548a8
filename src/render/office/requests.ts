/**
 * The requests of one sheet: operations are queued and a sync is made only when the next one
 * would cross the request budget; every request that writes opens with the calculation
 * suspension (ExcelApi 1.6).
 */
import { OP_OVERHEAD, REQUEST_OVERHEAD } from "./encode";

/** Queues operations and syncs only when the next one would cross the request budget. */
export class Requests {
  bytes = 0;
  ops = 0;
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
    private readonly suspend: boolean,
  ) {}
  /** Room left in the current request. */
  get room(): number {
    return this.budget - (this.ops === 0 ? this.opening : this.bytes);
  }
  private get opening(): number {
    return REQUEST_OVERHEAD + (this.suspend ? OP_OVERHEAD : 0);
  }
  /** Make room for `n` bytes: sync first if the current request has content and would overflow. */
  async reserve(n: number): Promise<void> {
    if (this.ops > 0 && this.bytes + n > this.budget) await this.flush();
    this.take(n);
  }
  /** Account for `n` bytes queued now (opening a request with the calculation suspension). */
  take(n: number): void {
    if (this.ops === 0) {
      if (this.suspend) this.context.workbook.application.suspendApiCalculationUntilNextSync();
      this.bytes = this.opening;
    }
    this.bytes += n;
    this.ops++;
  }
  async flush(): Promise<void> {
    if (this.ops === 0) return;
    this.ops = 0;
    this.bytes = 0;
    await this.context.sync();
    this.syncs++;
  }
}
