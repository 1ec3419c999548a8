/*
 * Ribbon command wiring for the shared runtime. The manifest's <FunctionFile> points to
 * taskpane.html (Taskpane.Url), so this bundle is loaded into the same page as the task pane
 * and the custom functions.
 *
 * Ribbon buttons of type ExecuteFunction need a handler associated with their action id via
 * Office.actions.associate; the table below is where they go. Today the only button
 * ("Open KA Planner") is a ShowTaskpane action, which Office handles without code.
 */

/** A ribbon action handler. It must not call event.completed(): `completing` does that. */
export type CommandHandler = (event: Office.AddinCommands.Event) => void | Promise<void>;

/** ExecuteFunction action ids (the manifest's <FunctionName>) and their handlers. */
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {};

/** Wraps a handler so the event is always completed, even when the handler fails. */
export function completing(handler: CommandHandler): (event: Office.AddinCommands.Event) => Promise<void> {
  return async (event) => {
    try {
      await handler(event);
    } catch (error) {
      console.error("KA Planner command failed", error);
    } finally {
      event.completed();
    }
  };
}

/** Associates every command with its action id once Office is ready; a no-op outside Office. */
export function registerCommands(commands: Readonly<Record<string, CommandHandler>> = COMMANDS): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return;
  Office.onReady(() => {
    if (!Office.actions) return;
    for (const [id, handler] of Object.entries(commands)) {
      Office.actions.associate(id, completing(handler));
    }
  }).catch((error) => console.error("KA Planner: Office.onReady failed", error));
}

registerCommands();
