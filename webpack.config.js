// Builds the task pane for any HTTPS host. ADDIN_URL (e.g. https://addins.example.lg.jp/saiten/) is
// written into dist/web/manifest.xml in place of the development https://localhost:3000/.
// Office.js comes from Microsoft's CDN by default. `--env officejs=local` (or OFFICE_JS=local) builds
// the self-contained variant for networks without the internet (LGWAN): the pages load Office.js from
// office-js/ on the add-in's own host, copied from the @microsoft/office-js package (or from a folder
// downloaded from the CDN, named by OFFICE_JS_FILES), so nothing is fetched from elsewhere.
// Pages: taskpane.html (inside Excel), preview.html (a normal browser over an in-memory sample
// workbook), commands.html (the manifest's function file) and help.html.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");
const TerserPlugin = require("terser-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where the self-contained build serves Office.js, relative to the pages. */
const OFFICE_JS_DIR = "office-js";
/**
 * What of Office.js an Excel add-in needs: the loader, the Excel files for every platform, the locale
 * strings and the support scripts the loader may fetch from its own folder. Left out: debug builds,
 * type files, other Office applications' files (about 13 MB remain of 86 MB), and Office.js's usage
 * telemetry (telemetry/, ariatelemetry/), which would post to Microsoft's servers from the pane:
 * without it Office.js turns its telemetry off (its request for the file gets a 404 from the host).
 */
const OFFICE_JS_IGNORE = [
  "**/telemetry/**",
  "**/ariatelemetry/**",
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  "**/outlook_strings.js",
  "**/{access,onenote,outlook,powerpoint,project,visio,word}*.js",
];

function officeJsMode(env) {
  const mode = String(env.officejs || process.env.OFFICE_JS || "cdn").toLowerCase();
  if (mode !== "cdn" && mode !== "local") throw new Error(`officejs must be "cdn" or "local", not "${mode}"`);
  return mode;
}

/** The folder to copy Office.js from, and the version it says it is. */
function officeJsSource() {
  const dir = process.env.OFFICE_JS_FILES;
  if (dir) return { dir: path.resolve(dir), version: `files from ${path.resolve(dir)}` };
  const pkg = path.dirname(require.resolve("@microsoft/office-js/package.json"));
  return {
    dir: path.join(pkg, "dist"),
    version: `@microsoft/office-js ${require(path.join(pkg, "package.json")).version}`,
  };
}

/** Writes office-js/SOURCE.txt: which Office.js the build carries, for whoever updates it. */
class OfficeJsSourceNote {
  constructor(text) {
    this.text = text;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfficeJsSourceNote", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "OfficeJsSourceNote", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset(`${OFFICE_JS_DIR}/SOURCE.txt`, new sources.RawSource(`${this.text}\n`));
        },
      );
    });
  }
}

async function httpsOptions() {
  if (!process.env.SAITEN_HTTPS) return undefined;
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, "/");
  const https = await httpsOptions();
  const local = officeJsMode(env) === "local";
  const officeJs = local ? officeJsSource() : null;
  const page = (name, chunks, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: name === "preview" ? "./dev/preview/preview.html" : `./src/taskpane/${name}.html`,
      chunks,
      officeJs: local ? `${OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN,
      ...extra,
    });
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./dev/preview/preview.tsx",
      commands: "./src/taskpane/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Saiten loads two modules of ExcelJS rather than its entry (src/adapters/exceljs/library.ts); in
      // the pane both come from ExcelJS's browser build, which carries what its sources need of Node.
      alias: {
        "exceljs/lib/doc/workbook$": path.resolve(__dirname, "src/adapters/exceljs/browser/doc-workbook.ts"),
        "exceljs/lib/doc/enums$": path.resolve(__dirname, "src/adapters/exceljs/browser/doc-enums.ts"),
      },
      // ExcelJS reaches for Node built-ins it does not need in the browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, util: false, buffer: false, events: false, string_decoder: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // esbuild strips types (checked once by `npm run typecheck`) several times faster than tsc.
          loader: "esbuild-loader",
          options: { target: "es2020", tsconfig: "tsconfig.web.json" },
        },
        {
          // The bundled rulebooks are validated here, once, instead of in the pane at every start.
          test: /[\\/]src[\\/]rulebooks[\\/]bundled[\\/][^\\/]+\.json$/,
          loader: path.resolve(__dirname, "scripts", "rulebook-check-loader.js"),
        },
      ],
    },
    plugins: [
      // The bundle has no zlib: zip parts are inflated by pako (src/files/browser/inflate-without-zlib.ts),
      // which the Node build never loads.
      new webpack.NormalModuleReplacementPlugin(/^\.\/inflate-without-zlib$/, "./browser/inflate-without-zlib"),
      page("taskpane", ["taskpane"]),
      page("preview", ["preview"]),
      page("commands", ["commands"]),
      page("help", []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "examples/sample-kaigo-fy2026.xlsx", to: "sample.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // The production URL everywhere, the host's origin where the manifest names only the origin.
            transform: (content) =>
              content
                .toString()
                .split(DEV_URL)
                .join(url)
                .split(DEV_URL.replace(/\/$/, ""))
                .join(new URL(url).origin),
          },
          ...(officeJs
            ? [
                {
                  from: officeJs.dir,
                  to: `${OFFICE_JS_DIR}/`,
                  globOptions: { ignore: OFFICE_JS_IGNORE },
                  // Microsoft's files as published: Terser would otherwise minify them again.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      ...(officeJs ? [new OfficeJsSourceNote(officeJs.version)] : []),
    ],
    performance: { hints: false },
    // Kept in node_modules/.cache: the self-contained build and the deployment package then reuse
    // the modules of the last build (seconds instead of a minute on two cores).
    // Terser packs the pages that ship tighter; esbuild minifies the large preview page (dev only) fast.
    optimization: {
      minimizer: [
        new TerserPlugin({ exclude: /^preview\./ }),
        new EsbuildPlugin({ include: /^preview\./, target: "es2020", legalComments: "external" }),
      ],
    },
    // Named per checkout as well as per mode: git worktrees of one project share node_modules/.cache.
    cache: {
      type: "filesystem",
      name: `${argv.mode || "none"}-${require("crypto").createHash("sha1").update(__dirname).digest("hex").slice(0, 8)}`,
      buildDependencies: { config: [__filename] },
    },
    devServer: {
      port: Number(process.env.PORT || 3000),
      server: https ? { type: "https", options: https } : "http",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      open: process.env.SAITEN_PREVIEW ? ["/preview.html"] : false,
      client: { overlay: { warnings: false } },
    },
  };
};
