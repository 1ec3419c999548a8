/**
 * The command line's side of the one column mapping (app/mapping.ts): the same proposal as the
 * task pane's, from the table's headers and its first SAMPLE_ROWS data rows, with the columns
 * the options named (--customer, --value, …) laid over it.
 */
import { FoundBy, MappingProposal, NamedColumns, proposeMappingDetails, SAMPLE_ROWS, SingleRole } from "../../app/mapping";
import { columnLetter, Table } from "./table";

export interface ResolvedColumn {
  readonly index: number;
  readonly header: string;
  readonly letter: string;
  /** "named" by an option, found by its "header", or by its "content". */
  readonly how: FoundBy;
  /** Other columns that matched as well (found by header only). */
  readonly others: readonly number[];
}

/** The first SAMPLE_ROWS data rows, row by row, as the proposal sniffs them (the pane reads the same rows). */
function sampleRowsOf(table: Table): unknown[][] {
  const n = Math.min(SAMPLE_ROWS, table.rowCount);
  return Array.from({ length: n }, (_, r) => table.columns.map((cells) => cells[r]));
}

/** The shared proposal for this table, the named columns kept as named. */
export function tableProposal(table: Table, named: NamedColumns = {}): MappingProposal {
  return proposeMappingDetails(table.headers, sampleRowsOf(table), named);
}

/** A column of the proposal, as the command line reports it. */
export function resolvedOf(table: Table, proposal: MappingProposal, role: SingleRole): ResolvedColumn | undefined {
  const index = proposal.mapping[role];
  if (typeof index !== "number") return undefined;
  return {
    index,
    header: table.headers[index] ?? "",
    letter: columnLetter(index),
    how: proposal.foundBy[role] ?? "named",
    others: proposal.alternatives[role] ?? [],
  };
}

/** A column named by an option (criteria columns, which the proposal does not resolve one by one). */
export function namedColumn(table: Table, index: number): ResolvedColumn {
  return { index, header: table.headers[index] ?? "", letter: columnLetter(index), how: "named", others: [] };
}
