#!/usr/bin/env node
// Screenshot of a report's first screen(s) in headless Chromium, as in the README:
//   node packages/report/scripts/screenshot-report.mjs out/demo/report.html docs/report.png [height]
// Chromium comes from tools/browser/ensure-chromium.sh (Debian's package).
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const [file, png, height = "1500"] = process.argv.slice(2);
if (!file || !png) {
  console.error("usage: screenshot-report.mjs REPORT.html OUT.png [height]");
  process.exit(2);
}
const ensure = fileURLToPath(new URL("../../../tools/browser/ensure-chromium.sh", import.meta.url));
const executablePath = execFileSync("bash", [ensure], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
}).trim();
const browser = await chromium.launch({ executablePath, args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] });
try {
  const page = await browser.newPage({ viewport: { width: 1240, height: Number(height) } });
  await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: "load" });
  await page.screenshot({ path: png });
  console.log(`wrote ${png}`);
} finally {
  await browser.close();
}
