#!/usr/bin/env node
/**
 * The `ka-planner` command line: wires commander to the command modules and nothing else.
 * Every rule lives in src/engine; reading files in ./input, formatting in ./output.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { Locale, text } from "../strings";
import { BuildOptions, buildCommand } from "./commands/build";
import { InputOptions, TierOptions } from "./commands/common";
import { concentrationCommand } from "./commands/concentration";
import { paretoCommand } from "./commands/pareto";
import { SampleCommandOptions, sampleCommand } from "./commands/sample";
import { TiersOptions, tiersCommand } from "./commands/tiers";
import { EXIT_OK, EXIT_USAGE } from "./errors";
import { Io, processIo } from "./io";
import { terminalStream, terminalText } from "./output/terminal";

const VERSION: string = (() => {
  try {
    // dist-cli/cli/main.js and src/cli/main.ts are both two levels below the package root.
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    return typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
})();

/** Language of the help text: KA_PLANNER_LOCALE, else the system's LANG/LC_ALL. */
export function helpLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const v = (env.KA_PLANNER_LOCALE ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "").toLowerCase();
  return v.startsWith("zh") ? "zh" : "en";
}

export function buildProgram(io: Io, setExit: (code: number) => void, loc: Locale = helpLocale()): Command {
  const h = (key: string) => text(loc, `cli.help.${key}`);
  const program = new Command();
  program
    .name("ka-planner")
    .description(h("program"))
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError(h("seeHelp"))
    .helpCommand(true);

  const inputOptions = (cmd: Command) =>
    cmd
      .argument("<file>", h("file"))
      .option("--sheet <name>", h("sheet"))
      .option("--customer <column>", h("customer"))
      .option("--value <column>", h("value"))
      .option("--decimal <separator>", h("decimal"));
  const outputOptions = (cmd: Command) => cmd.option("--locale <lang>", h("locale")).option("--format <format>", h("format"));
  const tierOptions = (cmd: Command) =>
    cmd.option("--scheme <scheme>", h("scheme")).option("--thresholds <list>", h("thresholds")).option("--top <n>", h("top"));

  outputOptions(tierOptions(inputOptions(program.command("tiers").description(h("tiers")))))
    .option("--summary", h("summary"))
    .action(async (file: string, opts: TiersOptions) => setExit(await tiersCommand(file, opts, io)));

  outputOptions(tierOptions(inputOptions(program.command("pareto").description(h("pareto"))))).action(
    async (file: string, opts: TierOptions) => setExit(await paretoCommand(file, opts, io)),
  );

  outputOptions(inputOptions(program.command("concentration").description(h("concentration")))).action(
    async (file: string, opts: InputOptions) => setExit(await concentrationCommand(file, opts, io)),
  );

  program
    .command("build")
    .description(h("build"))
    .argument("<file>", h("file"))
    .requiredOption("--out <file>", h("buildOut"))
    .option("--sheet <name>", h("sheet"))
    .option("--customer <column>", h("customer"))
    .option("--value <column>", h("buildValue"))
    .option("--profit <column>", h("profit"))
    .option("--date <column>", h("date"))
    .option("--date-order <order>", h("dateOrder"))
    .option("--satisfaction <column>", h("satisfaction"))
    .option("--effort <column>", h("effort"))
    .option("--credit <column>", h("credit"))
    .option("--manager <column>", h("manager"))
    .option("--region <column>", h("region"))
    .option("--attractiveness <columns>", h("attractiveness"))
    .option("--strength <columns>", h("strength"))
    .option("--scheme <scheme>", h("scheme"))
    .option("--thresholds <list>", h("thresholds"))
    .option("--measure <measure>", h("measure"))
    .option("--plans <plans>", h("plans"))
    .option("--live", h("live"))
    .option("--locale <lang>", h("locale"))
    .option("--force", h("force"))
    .option("--decimal <separator>", h("decimal"))
    .action(async (file: string, opts: BuildOptions) => setExit(await buildCommand(file, opts, io)));

  program
    .command("sample")
    .description(h("sample"))
    .requiredOption("--out <dir>", h("out"))
    .option("--locale <lang>", h("sampleLocale"), "both")
    .option("--seed <n>", h("seed"))
    .option("--customers <n>", h("customers"))
    .option("--lines <n>", h("lines"))
    .option("--force", h("sampleForce"))
    .action(async (opts: SampleCommandOptions) => setExit(await sampleCommand(opts, io)));

  return program;
}

/** Runs the command line in-process; resolves to the exit code. */
export async function run(argv: readonly string[], rawIo: Io = processIo, loc: Locale = helpLocale()): Promise<number> {
  // Every message on stderr is for people and may quote the user's text: terminal text only.
  const io: Io = { stdout: rawIo.stdout, stderr: terminalStream(rawIo.stderr) };
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c), loc);
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with exit code 0; every parse error is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw e;
  }
  return code;
}

if (require.main === module) {
  // A closed pipe (`ka-planner tiers big.xlsx | head`) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(terminalText(`ka-planner: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
      process.exitCode = 1;
    },
  );
}
