/*
 * Builds what the browser test serves, into the directory given as the first argument:
 * the add-in exactly as webpack.config.js builds it (development mode, no type check or source
 * maps, to keep the test fast: `npm run lint` and ts-jest type-check the same code), and
 * office-double.js, the test double of office.js (test/browser/office-double.ts with the
 * recording fake of the Excel API). Runs in its own process (webpack is slow under jest's module
 * loader). A filesystem cache under node_modules/.cache makes repeated runs quicker.
 */
const path = require("path");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "../..");

function run(config) {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      resolve();
    });
  });
}

function fast(rule) {
  if (rule.use && rule.use.loader === "ts-loader") rule.use.options = { ...rule.use.options, transpileOnly: true };
  return rule;
}

async function main(out) {
  const addin = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  addin.mode = "development";
  addin.devtool = false;
  addin.output = { ...addin.output, path: out };
  addin.module.rules = addin.module.rules.map(fast);
  addin.cache = {
    type: "filesystem",
    cacheDirectory: path.join(ROOT, "node_modules/.cache/ka-planner-browser-test"),
    name: "addin",
    buildDependencies: { config: [__filename, path.join(ROOT, "webpack.config.js")] },
  };

  const double = {
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: { "office-double": "./test/browser/office-double.ts" },
    output: { path: out, filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020" } } },
        },
      ],
    },
    performance: { hints: false },
  };

  // One after the other: the add-in's output.clean empties the directory first.
  await run(addin);
  await run(double);
}

main(process.argv[2]).catch((error) => {
  console.error(error && error.message ? error.message : error);
  process.exit(1);
});
