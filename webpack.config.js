// Builds the task pane for any HTTPS host. ADDIN_URL (e.g. https://addins.example.lg.jp/saiten/) is
// written into dist/web/manifest.xml in place of the development https://localhost:3000/.
// Pages: taskpane.html (inside Excel), preview.html (a normal browser over an in-memory sample
// workbook), commands.html (the manifest's function file) and help.html.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

async function httpsOptions() {
  if (!process.env.SAITEN_HTTPS) return undefined;
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

module.exports = async (_env, argv) => {
  const production = argv.mode === "production";
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, "/");
  const https = await httpsOptions();
  const page = (name, chunks, extra = {}) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/taskpane/${name}.html`, chunks, ...extra });
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/taskpane/preview.tsx",
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
      // ExcelJS reaches for Node built-ins it does not need in the browser.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, util: false, buffer: false, events: false, string_decoder: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.web.json" } },
        },
      ],
    },
    plugins: [
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
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
    ],
    performance: { hints: false },
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
