/**
 * A data-library peer: Arquero groups the transaction lines per customer, ranks the customers
 * (competition ranks, ties listed by name) and derives shares and cumulative shares — the
 * work KA.PARETO does. It gets the columns already extracted (string[] and Float64Array), so
 * it pays no input parsing; we do. Arquero is ESM-only, so it is loaded with import().
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Arquero = typeof import("arquero");

let aq: Arquero | null = null;

export async function loadArquero(): Promise<Arquero> {
  // A real dynamic import: TypeScript's CommonJS output would turn import() into require().
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
    .filter((d: any) => d.total >= 0)
    .orderby(aq.desc("total"))
    .derive({ rank: op.rank() })
    .orderby(aq.desc("total"), "customer");
  const positive = ranked.rollup({ s: op.sum("total") }).get("s", 0) as number;
  const out = ranked.params({ positive }).derive({
    share: (d: any, $: any) => d.total / $.positive,
    cumulativeShare: aq.rolling((d: any, $: any) => op.sum(d.total) / $.positive),
  });
  return {
    customer: out.array("customer") as string[],
    total: out.array("total") as number[],
    rank: out.array("rank") as number[],
    share: out.array("share") as number[],
    cumulativeShare: out.array("cumulativeShare") as number[],
  };
}
