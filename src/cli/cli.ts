/** Entry point of `jixiao` (bundled to dist/cli.js). */
import { main } from "./main";

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: !!process.stderr.isTTY,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
