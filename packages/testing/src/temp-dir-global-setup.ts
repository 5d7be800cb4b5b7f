// Vitest global setup of every package (vitest.shared.ts): the run's temporary files go into one folder of their own,
// removed when the run ends. Tests make their folders with mkdtemp(join(tmpdir(), …)) and the CLIs they spawn write
// journals and scratch files there too; without this, every run left hundreds of folders in the system's temporary
// folder. TMPDIR (TEMP and TMP on Windows) is what os.tmpdir() reads, in the test workers and in every process they
// start. Listed after the peers setup: the Argilla peers it starts outlive the run and keep the system's folder.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP };
  const dir = mkdtempSync(join(tmpdir(), "domain-eval-test-"));
  // as the system's folder is (mkdtemp makes it 0700): tests run the CLI as an unprivileged user, which must reach
  // the folders they make in it (error-causes.test.ts) and may write its own temporary files
  chmodSync(dir, 0o1777);
  Object.assign(process.env, { TMPDIR: dir, TEMP: dir, TMP: dir });
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
