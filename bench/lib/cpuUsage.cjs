// Preloaded (node -r) into benchmark child processes: at exit, writes the process's own CPU time in ms
// (user + system, all threads) to the file named by PHULUC_BENCH_CPU. CPU time, unlike wall time,
// hardly moves when other work shares the machine.
"use strict";
const target = process.env.PHULUC_BENCH_CPU;
if (target) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    require("node:fs").writeFileSync(target, String((user + system) / 1000));
  });
}
