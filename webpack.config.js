// Builds the task pane for any HTTPS host. ADDIN_URL (e.g. https://addins.example.lg.jp/saiten/) is
// written into dist/web/manifest.xml in place of the development https://localhost:3000/.
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, "/");
  return {
    devtool: production ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.ts" },
    output: { path: path.resolve(__dirname, "dist", "web"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.web.json" } } }],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => content.toString().split(DEV_URL).join(url) },
        ],
      }),
    ],
    performance: { maxEntrypointSize: 350 * 1024 * 3, maxAssetSize: 350 * 1024 * 3 },
    devServer: { port: 3000, static: false },
  };
};
