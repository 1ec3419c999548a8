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
 * in functions.json. Any problem is a webpack error, so the build fails.
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { localizeMetadataJson } = require("./src/functions/localize-metadata");

const urlDev = "https://localhost:3000/";
// Production location of the add-in's files. Set KA_PLANNER_URL_PROD at build time to deploy.
const urlProd = withSlash(process.env.KA_PLANNER_URL_PROD || "https://ka-planner.example.com/");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const METADATA_FILE = "functions.json";
const ZH_METADATA_FILE = "functions.zh-cn.json";
const ZH_TRANSLATIONS = path.resolve(__dirname, "src/functions/functions.zh-CN.json");

function withSlash(url) {
  return url.endsWith("/") ? url : url + "/";
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function getHttpsOptions() {
  // Required lazily: only `webpack serve` needs (and may create) the dev certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/**
 * Writes the zh-CN metadata and checks the associate calls. Runs after the metadata plugin has
 * put functions.json into the compilation, and after minification (so it sees the final bundle).
 */
class KaMetadataPlugin {
  apply(compiler) {
    const name = "KaMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      const fail = (message) => compilation.errors.push(new webpack.WebpackError(`${name}: ${message}`));
      compilation.fileDependencies.add(ZH_TRANSLATIONS);

      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(METADATA_FILE);
          if (!asset) {
            fail(`${METADATA_FILE} was not generated (see the metadata errors above)`);
            return;
          }
          try {
            const translations = JSON.parse(fs.readFileSync(ZH_TRANSLATIONS, "utf8"));
            const zh = localizeMetadataJson(asset.source.source().toString(), translations, "zh-CN");
            compilation.emitAsset(ZH_METADATA_FILE, new webpack.sources.RawSource(zh));
          } catch (error) {
            fail(`cannot build ${ZH_METADATA_FILE}: ${error.message}`);
          }
        },
      );

      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
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
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
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
      new KaMetadataPlugin(),
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
            transform(content) {
              if (dev) return content;
              return content.toString().replace(new RegExp(escapeRegExp(urlDev), "g"), urlProd);
            },
          },
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
