/** Entry of the task pane: show a spinner, find out whether Excel is there (≤ 3 s), then render the pane. */
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
  void detectHost().then((host) => {
    root.render(<App host={host} excel={host === "excel" ? officeExcelHost : undefined} />);
  });
}
