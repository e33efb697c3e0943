/** Entry of the bundled binary (dist/cli/phuluc.cjs); kept apart so importing main.ts runs nothing. */
import { runCli } from "./main";

void runCli();
