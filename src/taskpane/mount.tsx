// Renders the pane into an element with the PaneApi it should use. Returns a function that unmounts
// it, whose refresh() draws it again (after the api learnt something, e.g. what this Excel supports).
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { PaneApi } from "../app/pane-api";
import { App } from "./App";

export function mountPane(element: HTMLElement, api: PaneApi): (() => void) & { refresh(): void } {
  const root = createRoot(element);
  const draw = () =>
    root.render(
      <StrictMode>
        <App api={api} />
      </StrictMode>,
    );
  draw();
  return Object.assign(() => root.unmount(), { refresh: draw });
}
