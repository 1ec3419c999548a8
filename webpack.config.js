/*
 * Webpack build of the KA Planner add-in, after the official "Excel custom functions with a
 * shared runtime" template: the task pane, commands and functions bundles are all loaded by ONE
 * page, taskpane.html, because the manifest runs everything in one shared runtime.
 *
 *   npm run build       production build into dist/ (no certificates, no network)
 *   npm run build:dev   development build
 *   npm run dev-server  https://localhost:3000 with office-addin-dev-certs
 *
 * Metadata: CustomFunctionsMetadataPlugin generates functions.json from the JSDoc of
 * src/functions/functions.ts, reports generator errors as webpack errors (so the build fails)
 * and appends `CustomFunctions.associate("ID", fn)` for each function to that module. On top of
 * it, KaMetadataPlugin (below) writes functions.zh-cn.json from functions.json and
 * src/functions/functions.zh-CN.json, and checks that the functions bundle associates every id
 * in functions.json. Any problem is a webpack error, so the build fails. The task pane's list of
 * the functions is the generated metadata's too (KA_FUNCTION_IDS, see generatedFunctionIds).
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { unifiedManifestFiles } = require("./src/manifest/unified-manifest");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { localizeMetadataJson } = require("./src/functions/localize-metadata");
const { helpPages, helpUrlOf } = require("./src/help/help-pages");

const urlDev = "https://localhost:3000/";
// Production location of the add-in's files. Set KA_PLANNER_URL_PROD at build time to deploy.
const urlProd = withSlash(process.env.KA_PLANNER_URL_PROD || "https://ka-planner.example.com/");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const METADATA_FILE = "functions.json";
const ZH_METADATA_FILE = "functions.zh-cn.json";
const ZH_TRANSLATIONS = path.resolve(__dirname, "src/functions/functions.zh-CN.json");
/** What the help pages are made of besides the metadata (see src/help/help-pages.js). */
const HELP_SOURCES = {
  readme: path.resolve(__dirname, "README.md"),
  en: path.resolve(__dirname, "src/strings/en-US.json"),
  zh: path.resolve(__dirname, "src/strings/zh-CN.json"),
};
const NAMESPACE = "KA";

function withSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The ids of the KA functions, as the metadata plugin generated them for this build, for the task
 * pane's list (FunctionsList.tsx): the JSDoc of functions.ts stays the one definition. Empty when
 * the metadata has errors, which fail the build anyway.
 */
function generatedFunctionIds() {
  const generated = CustomFunctionsMetadataPlugin.generateResults[FUNCTIONS_SOURCE];
  const ids = generated && generated.metadataJson ? JSON.parse(generated.metadataJson).functions.map((f) => f.id) : [];
  return JSON.stringify(ids);
}

async function getHttpsOptions() {
  // Required lazily: only `webpack serve` needs (and may create) the dev certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/**
 * Writes the zh-CN metadata and the help pages, points each function's help URL at its page in
 * its language under `baseUrl`, and checks the associate calls. Runs after the metadata plugin
 * has put functions.json into the compilation, and after minification (so it sees the final
 * bundle).
 */
class KaMetadataPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const name = "KaMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      const fail = (message) => compilation.errors.push(new webpack.WebpackError(`${name}: ${message}`));
      compilation.fileDependencies.add(ZH_TRANSLATIONS);
      for (const file of Object.values(HELP_SOURCES)) compilation.fileDependencies.add(file);

      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(METADATA_FILE);
        if (!asset) {
          fail(`${METADATA_FILE} was not generated (see the metadata errors above)`);
          return;
        }
        try {
          const translations = JSON.parse(fs.readFileSync(ZH_TRANSLATIONS, "utf8"));
          const en = JSON.parse(asset.source.source().toString());
          // The JSDoc's @helpurl names the dev server's page; each build points at its own.
          for (const fn of en.functions) {
            if (fn.helpUrl !== helpUrlOf(urlDev, fn.id, "en")) fail(`${fn.id}: @helpurl must be ${helpUrlOf(urlDev, fn.id, "en")}`);
            fn.helpUrl = helpUrlOf(this.baseUrl, fn.id, "en");
          }
          const zh = JSON.parse(localizeMetadataJson(JSON.stringify(en), translations, "zh-CN"));
          for (const fn of zh.functions) fn.helpUrl = helpUrlOf(this.baseUrl, fn.id, "zh");
          const json = (value) => new webpack.sources.RawSource(JSON.stringify(value, null, 4));
          compilation.updateAsset(METADATA_FILE, json(en));
          compilation.emitAsset(ZH_METADATA_FILE, json(zh));
          const read = (file) => fs.readFileSync(file, "utf8");
          const pages = helpPages({
            metadata: { en, zh },
            strings: { en: JSON.parse(read(HELP_SOURCES.en)), zh: JSON.parse(read(HELP_SOURCES.zh)) },
            readme: read(HELP_SOURCES.readme),
            namespace: NAMESPACE,
          });
          for (const [file, html] of Object.entries(pages)) compilation.emitAsset(file, new webpack.sources.RawSource(html));
        } catch (error) {
          fail(`cannot build ${ZH_METADATA_FILE} and the help pages: ${error.message}`);
        }
      });

      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const metadata = compilation.getAsset(METADATA_FILE);
        const bundle = compilation.getAsset("functions.js");
        if (!metadata || !bundle) {
          if (!bundle) fail("functions.js was not emitted");
          return;
        }
        const ids = JSON.parse(metadata.source.source().toString()).functions.map((f) => f.id);
        const code = bundle.source.source().toString();
        const associated = new Set();
        for (const m of code.matchAll(/CustomFunctions\.associate\(\s*["']([^"']+)["']/g)) associated.add(m[1]);
        const missing = ids.filter((id) => !associated.has(id));
        if (missing.length > 0) fail(`functions.js does not associate ${missing.join(", ")}`);
      });
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  /** manifest.xml with the production URL in a production build. */
  const manifestXml = (xml) => (dev ? xml : xml.replace(new RegExp(escapeRegExp(urlDev), "g"), urlProd));
  const config = {
    devtool: "source-map",
    // The runtime is shared: the ribbon commands load in the task pane's page, so they join its
    // bundle instead of carrying a second copy of the engine, sheets and renderer.
    entry: {
      taskpane: ["./src/commands/commands.ts", "./src/taskpane/taskpane.ts"],
      functions: FUNCTIONS_SOURCE,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    // No `global` shim: webpack's (for @griffel/core's `typeof window === "undefined" ? global
    // : window`) falls back to `new Function("return this")`, which the pane's CSP forbids and
    // the bundle scan refuses. Every Excel host has globalThis, so `global` is that, by name.
    node: { global: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-check only what the bundles contain (tsconfig.json also covers tests and the CLI).
            // ES modules out (tsconfig.json says CommonJS, for jest and the CLI), so that webpack
            // resolves packages' "import" entries and tree-shakes them: Fluent UI's CommonJS build
            // would bring in every component. JSX: react-jsx (tsconfig.json).
            options: { onlyCompileBundledFiles: true, compilerOptions: { module: "es2020" } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: METADATA_FILE,
        input: FUNCTIONS_SOURCE,
      }),
      new KaMetadataPlugin(dev ? urlDev : urlProd),
      new webpack.DefinePlugin({
        global: "globalThis",
        KA_FUNCTION_IDS: webpack.DefinePlugin.runtimeValue(generatedFunctionIds, {
          fileDependencies: [path.resolve(__dirname, FUNCTIONS_SOURCE)],
        }),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*.png",
            to: "assets/[name][ext][query]",
          },
          {
            from: "src/taskpane/taskpane.css",
            to: "taskpane.css",
          },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => manifestXml(content.toString()),
          },
          // The unified manifest and its localization file, made from the same (rewritten) XML.
          ...["manifest.json", "manifest.zh-cn.json"].map((name) => ({
            from: "manifest.xml",
            to: name,
            transform: (content) => unifiedManifestFiles(manifestXml(content.toString()))[name],
          })),
          { from: "src/help/*.html", to: "help/[name][ext]" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
  if (serving) {
    config.devServer.server = {
      type: "https",
      options: options.https !== undefined ? options.https : await getHttpsOptions(),
    };
  }
  return config;
};
