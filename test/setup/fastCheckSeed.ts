/**
 * Property tests (fast-check) draw from one fixed seed in `npm test`, so CI passes or fails the same way on
 * every run: a counterexample found at random once (an oracle's quirk, a real bug) must not turn a later,
 * unrelated change red. `npm run test:fuzz` draws fresh seeds to find new ones; a failure prints its seed,
 * and `FC_SEED=<seed> npx jest <file>` replays it.
 */
import fc from "fast-check";

const FIXED_SEED = 20261203;
const asked = process.env.FC_SEED;
const seed = asked === "random" ? (Date.now() ^ (Math.random() * 0x100000000)) | 0 : Number(asked ?? FIXED_SEED);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not “${asked}”`);
fc.configureGlobal({ seed });
