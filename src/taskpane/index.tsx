import { createRoot } from "react-dom/client";
import { App, type View } from "./App";
import type { Services, StartMode } from "./services";

/** The scoring code (core, sheet layer, templates) comes as a lazy chunk, fetched at once. */
const loadServices = (): Promise<Services> =>
  import(/* webpackChunkName: "engine" */ "./real-services").then((m) => m.realServices);

function render(start: StartMode): void {
  const root = document.getElementById("root");
  if (!root) return;
  const view: View =
    new URLSearchParams(window.location.search).get("view") === "templates" ? "templates" : "score";
  createRoot(root).render(<App services={loadServices} start={start} initialView={view} />);
}

/** Inside Excel: the Office host. Outside Office, or with office.js unreachable: file mode. */
function start(): void {
  if (typeof Office === "undefined") return render({ kind: "file" });
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return render({ kind: "file" });
    import(/* webpackChunkName: "office-host" */ "../hosts/office/office-host")
      .then(({ createOfficeHost }) => render({ kind: "office", host: createOfficeHost() }))
      .catch(() => render({ kind: "file" }));
  });
}

start();
