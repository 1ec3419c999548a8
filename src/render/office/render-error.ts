/** The error the Office.js renderer throws when a sheet cannot be written, and what became of that sheet. */

export type CleanupOutcome = "deleted" | "marked-incomplete" | "not-created" | "cleanup-failed";

/** A sheet could not be written. Sheets before it are complete; nothing after it was started. */
export class SheetRenderError extends Error {
  override readonly name = "SheetRenderError";
  constructor(
    readonly sheetIndex: number,
    readonly sheetCount: number,
    readonly sheetKey: string,
    readonly sheetName: string,
    readonly cleanup: CleanupOutcome,
    /** Name the half-written sheet kept when it could not be deleted (its temporary name when even marking failed). */
    readonly incompleteName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `Sheet ${sheetIndex + 1} of ${sheetCount} "${sheetName}" (${sheetKey}) could not be written: ${describe(cause)}. ` +
        (cleanup === "deleted"
          ? "The half-written sheet was deleted."
          : cleanup === "marked-incomplete"
            ? `The half-written sheet could not be deleted and was renamed "${incompleteName}".`
            : cleanup === "not-created"
              ? "No sheet was created for it."
              : `The half-written sheet could not be removed: delete the sheet "${incompleteName}" or "${sheetName}" if present.`) +
        (sheetIndex > 0 ? ` Sheets 1–${sheetIndex} are complete.` : ""),
    );
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === "string" && code !== "" && !e.message.includes(code) ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}
