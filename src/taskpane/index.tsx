/**
 * Entry of the task pane: a spinner until the host is known (≤ 2 s, host.ts), then the pane — in file mode first
 * when Office is slow to answer, and the Excel pane as soon as Excel does.
 */
import "./noEval";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { officeExcelHost } from "../adapters/excel/host";
import { App } from "./App";
import { detectHost } from "./host";
import { STRINGS } from "./i18n";

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner style={{ marginTop: 48 }} label={STRINGS.vi.connecting} />
    </FluentProvider>,
  );
  performance.mark("phuluc:start");
  detectHost((host) => {
    // Marks for the browser tests (and the browser's performance panel): when each mode was decided.
    performance.mark(`phuluc:host-${host}`);
    root.render(<App key={host} host={host} excel={host === "excel" ? officeExcelHost : undefined} />);
  });
}
