/**
 * A separate process for the atomic-write tests: writes `size` bytes of `fill` to `dest` with
 * `writeFileAtomic`, saying "writing" on standard output just before it starts.
 *   node -r ./scripts/bench/register.cjs test/support/atomic-writer.ts dest size fill
 */
import { writeFileAtomic } from "../../src/hosts/file/atomic-write";

const [dest, size, fill] = process.argv.slice(2);
const data = new Uint8Array(Number(size)).fill(Number(fill));
process.stdout.write("writing\n", () => {
  writeFileAtomic(dest, data);
  process.stdout.write("done\n");
});
