// Renders the pane into an element with the PaneApi it should use; returns a function that unmounts it.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { PaneApi } from "../app/pane-api";
import { App } from "./App";

export function mountPane(element: HTMLElement, api: PaneApi): () => void {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
  return () => root.unmount();
}
