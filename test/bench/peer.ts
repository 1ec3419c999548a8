/**
 * A data-library peer: Arquero groups the transaction lines per customer, ranks the customers
 * (competition ranks, ties listed by name) and derives shares and cumulative shares — the
 * work KA.PARETO does. It gets the columns already extracted (string[] and Float64Array), so
 * it pays no input parsing; we do. Arquero is ESM-only, so it is loaded with import().
 */
type Arquero = typeof import("arquero");

/** The columns the expressions read (Arquero passes each row as an object of its columns). */
interface Row {
  readonly total: number;
}
/** The table's parameters (Arquero's `$`). */
interface Params {
  readonly positive: number;
}

let aq: Arquero | null = null;

export async function loadArquero(): Promise<Arquero> {
  // A real dynamic import: TypeScript's CommonJS output would turn import() into require().
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed source text, the only way to keep import() in CommonJS output
  const dynamicImport = new Function("m", "return import(m)") as (m: string) => Promise<Arquero>;
  aq ??= await dynamicImport("arquero");
  return aq;
}

export interface PeerPareto {
  readonly customer: string[];
  readonly total: number[];
  readonly rank: number[];
  readonly share: number[];
  readonly cumulativeShare: number[];
}

export function arqueroPareto(names: string[], values: Float64Array): PeerPareto {
  if (!aq) throw new Error("loadArquero() first");
  const { op } = aq;
  const totals = aq
    .table({ customer: names, value: values })
    .groupby("customer")
    .rollup({ total: op.sum("value") });
  const ranked = totals
    .filter((d: Row) => d.total >= 0)
    .orderby(aq.desc("total"))
    .derive({ rank: op.rank() })
    .orderby(aq.desc("total"), "customer");
  const positive = ranked.rollup({ s: op.sum("total") }).get("s", 0) as number;
  // params() sets the table's parameters and returns the same table.
  ranked.params({ positive });
  const out = ranked.derive({
    share: (d: Row, $: Params) => d.total / $.positive,
    // rolling() is typed `any`; it returns an expression wrapper, which Arquero reads as text.
    cumulativeShare: aq.rolling((d: Row, $: Params) => op.sum(d.total) / $.positive) as { toString(): string },
  });
  return {
    customer: out.array("customer") as string[],
    total: out.array("total") as number[],
    rank: out.array("rank") as number[],
    share: out.array("share") as number[],
    cumulativeShare: out.array("cumulativeShare") as number[],
  };
}
