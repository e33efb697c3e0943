/**
 * The pane's Content-Security-Policy allows no eval (script-src 'self', webpack.config.js). zod 4 otherwise probes
 * `new Function("")` while building object schemas, to compile faster parsers: the CSP refuses it and reports a
 * violation. Imported first by the pane and by each worker, before any schema is built.
 */
import { config } from "zod";

config({ jitless: true });
