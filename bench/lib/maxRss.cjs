// Preloaded (node -r) into benchmark child processes: at exit, writes the process's peak resident
// memory in KiB (getrusage's maxrss) to the file named by PHULUC_BENCH_RSS.
"use strict";
const target = process.env.PHULUC_BENCH_RSS;
if (target) {
  process.on("exit", () => {
    require("node:fs").writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
