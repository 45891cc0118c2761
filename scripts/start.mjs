#!/usr/bin/env node
// `npm start`: builds the task pane and the ribbon commands in development mode and serves
// dist/ on https://localhost:3000 (webpack-dev-server), then says how to sideload
// manifest.xml into Excel. Certificates: office-addin-dev-certs' files where they exist
// (generated, or installed on Windows and macOS); otherwise webpack-dev-server's own
// self-signed certificate. Never asks for sudo and never installs a CA on Linux.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.JIXIAO_PORT || 3000);
const CERT_DIR = join(homedir(), ".office-addin-dev-certs");
const CERT = {
  ca: join(CERT_DIR, "ca.crt"),
  cert: join(CERT_DIR, "localhost.crt"),
  key: join(CERT_DIR, "localhost.key"),
};

const haveCerts = () => existsSync(CERT.cert) && existsSync(CERT.key);

/** The dev certificates' files, or null: then webpack-dev-server makes its own. */
async function certificates() {
  if (!haveCerts() && process.env.JIXIAO_NO_DEV_CERTS !== "1") {
    try {
      const devCerts = require("office-addin-dev-certs");
      if (platform() === "win32" || platform() === "darwin") {
        // Generates and trusts the CA (asks for the password once); harmless when done.
        await devCerts.ensureCertificatesAreInstalled();
      } else {
        // Linux: generate only; installing the CA would need sudo.
        await devCerts.generateCertificates();
      }
    } catch (e) {
      console.warn(`(office-addin-dev-certs: ${e instanceof Error ? e.message : e})`);
    }
  }
  if (!haveCerts()) return null;
  const options = { cert: readFileSync(CERT.cert), key: readFileSync(CERT.key) };
  if (existsSync(CERT.ca)) options.ca = readFileSync(CERT.ca);
  return options;
}

function sideloadHelp(url, own) {
  const manifest = join(ROOT, "manifest.xml");
  const lines = [
    "",
    `绩效自评助手 jixiao — 开发服务器已启动：${url}/taskpane.html`,
    own
      ? "注意：使用的是开发服务器自签名证书，请先在浏览器中打开上面的地址并选择“继续访问”（信任该证书），Excel 才能加载。"
      : `证书：${CERT_DIR}（Linux 上未安装到系统信任列表：请在浏览器中打开上面的地址并信任一次）`,
    "",
    "加载到 Excel（旁加载 manifest.xml）/ Sideload manifest.xml:",
    "  网页版 Excel (Excel on the web)：打开工作簿 → 插入 → 加载项 → 我的加载项 → 上传我的加载项 → 选择：",
    `      ${manifest}`,
    "      (Insert → Add-ins → My Add-ins → Upload My Add-in)",
    "  Windows 桌面版：把 manifest.xml 放进一个共享文件夹（如 \\\\电脑名\\addins），在 文件 → 选项 → 信任中心 →",
    "      信任中心设置 → 受信任的加载项目录 中添加该网络路径并勾选“显示在菜单中”，重启 Excel 后在",
    "      插入 → 我的加载项 → 共享文件夹 中选择“绩效自评助手”。",
    "      (shared-folder catalog: Trust Center → Trusted Add-in Catalogs)",
    "  Mac 桌面版：把 manifest.xml 复制到",
    "      ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
    "      （没有 wef 文件夹就新建），重启 Excel 后在 插入 → 我的加载项 中选择。",
    "",
    "加载后在“开始”选项卡的“绩效自评”组中使用：评分面板 / 一键评分 / 插入模板。按 Ctrl+C 停止服务器。",
    "",
  ];
  console.log(lines.join("\n"));
}

async function main() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const configs = require(join(ROOT, "webpack.config.js"));
  const argv = { mode: "development" };
  const web = configs.map((c) => (typeof c === "function" ? c({}, argv) : c)).find((c) => c.name === "web");
  if (!web) throw new Error("webpack.config.js has no `web` configuration");
  const https = await certificates();
  const devServer = {
    ...web.devServer,
    port: PORT,
    server: https ? { type: "https", options: https } : { type: "https" },
    devMiddleware: { ...(web.devServer?.devMiddleware ?? {}), writeToDisk: true },
  };
  const compiler = webpack({ ...web, mode: "development" });
  const server = new WebpackDevServer(devServer, compiler);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await server.start();
  // After the first build's output (webpack-dev-middleware prints it, then runs these
  // callbacks), so the sideloading steps are the last thing on the screen.
  server.middleware.waitUntilValid((stats) => {
    if (stats?.hasErrors()) console.error("构建失败 / build failed: 见上方错误信息（修正后会自动重新构建）");
    sideloadHelp(`https://localhost:${PORT}`, !https);
  });
}

main().catch((e) => {
  console.error(`无法启动开发服务器：${e instanceof Error ? e.message : e}`);
  if (String(e?.code) === "EADDRINUSE")
    console.error(`端口 ${PORT} 已被占用：关闭占用它的程序，或设置 JIXIAO_PORT。`);
  process.exit(1);
});
