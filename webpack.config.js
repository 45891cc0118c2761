const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: false } },
  },
};

/**
 * Writes dist/chunk-groups.json: the scripts of each entry and named chunk group (what an
 * `import()` loads), for scripts/size.mjs.
 */
class ChunkGroupsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ChunkGroups", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ChunkGroups", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const groups = {};
          for (const [name, group] of compilation.namedChunkGroups)
            groups[name] = group.getFiles().filter((f) => f.endsWith(".js"));
          compilation.emitAsset(
            "chunk-groups.json",
            new webpack.sources.RawSource(JSON.stringify(groups, null, 1)),
          );
        },
      );
    });
  }
}

/** The task pane (also the stand-alone page for .xlsx files) and the ribbon commands. */
const web = (env, argv) => ({
  name: "web",
  target: "web",
  mode: argv.mode || "production",
  devtool: argv.mode === "development" ? "source-map" : false,
  entry: {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/commands/commands.ts",
  },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    chunkFilename: "chunks/[name].[contenthash:8].js",
    clean: { keep: /^cli\.js/ },
  },
  resolve: {
    extensions: [".ts", ".tsx", ".js"],
    fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
  },
  module: { rules: [tsRule] },
  performance: { hints: false },
  plugins: [
    new webpack.DefinePlugin({ __JIXIAO_VERSION__: JSON.stringify(pkg.version) }),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
    }),
    new HtmlWebpackPlugin({
      filename: "commands.html",
      template: "./src/commands/commands.html",
      chunks: ["commands"],
    }),
    new ChunkGroupsPlugin(),
    new CopyWebpackPlugin({
      patterns: [{ from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true }],
    }),
  ],
  devServer: {
    static: { directory: path.resolve(__dirname, "dist") },
    headers: { "Access-Control-Allow-Origin": "*" },
    port: 3000,
    // Office loads add-ins over https only; scripts/start.mjs supplies the dev certificates.
    server: "https",
    devMiddleware: { writeToDisk: true },
    client: { overlay: { warnings: false } },
  },
});

/** The command line, for Node: dist/cli.js. */
const cli = (env, argv) => ({
  name: "cli",
  target: "node20",
  mode: argv.mode || "production",
  devtool: false,
  entry: { cli: "./src/cli/cli.ts" },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", library: { type: "commonjs2" } },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [tsRule] },
  externalsPresets: { node: true },
  // Dependencies stay in node_modules: require()d at run time, not bundled.
  externals: [
    ({ request }, cb) =>
      /^[a-z@][^:]*$/i.test(request) && !request.startsWith(".") ? cb(null, "commonjs " + request) : cb(),
  ],
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [
    new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
    // One file: what is imported on demand (exceljs, the review, the report drafts) is still
    // evaluated only when first used, but no chunk files sit beside cli.js.
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    new webpack.DefinePlugin({ __JIXIAO_VERSION__: JSON.stringify(pkg.version) }),
  ],
});

module.exports = [web, cli];
