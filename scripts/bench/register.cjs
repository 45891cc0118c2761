/**
 * Lets Node require the project's TypeScript directly: each .ts/.tsx file is transpiled
 * on load with the project's own TypeScript (no type check; `npx tsc --noEmit` does that).
 * Usage: node -r ./scripts/bench/register.cjs file.ts, or require() it first.
 */
const fs = require("node:fs");
const Module = require("node:module");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  isolatedModules: true,
  sourceMap: false,
  inlineSourceMap: true,
};

for (const ext of [".ts", ".tsx"]) {
  Module._extensions[ext] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}

// Set by webpack's DefinePlugin in the bundles.
if (typeof globalThis.__JIXIAO_VERSION__ === "undefined") {
  globalThis.__JIXIAO_VERSION__ = require("../../package.json").version;
}
