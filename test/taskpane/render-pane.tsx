// Shared by the pane's jsdom tests: render the App without Fluent's atomic CSS, and check with axe.
import { configure, render } from "@testing-library/react";
import { createDOMRenderer, RendererProvider } from "@fluentui/react-components";
import axe from "axe-core";
import type { PaneApi } from "../../src/app/pane-api";
import { App } from "../../src/taskpane/App";

// Fluent injects many style rules and jsdom's getComputedStyle walks them all for every node that
// role queries and axe look at: render without the atomic CSS (the browser test covers the styled
// pane, colour contrast included), and skip the "is it hidden" check of role queries.
configure({ defaultHidden: true });

export function renderPane(api: PaneApi) {
  const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
  return render(
    <RendererProvider renderer={renderer}>
      <App api={api} />
    </RendererProvider>,
  );
}

export async function noSeriousViolations(root: Element = document.body) {
  const res = await axe.run(root, {
    rules: { "color-contrast": { enabled: false }, region: { enabled: false } },
    resultTypes: ["violations"],
  });
  const serious = res.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** What jsdom lacks and axe or Fluent ask for. */
export function installJsdomShims() {
  // axe probes canvas for icon fonts; jsdom has none.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];
  // Fluent's positioning and motion.
  window.matchMedia ??= (q: string) =>
    ({
      matches: false,
      media: q,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
    }) as unknown as MediaQueryList;
}

/**
 * Fails a test whose render React warned of markup the HTML parser would not build as written (a
 * <div> inside a <p>): browsers mend it each in their own way, and screen readers read what they made.
 */
export function refuseInvalidNesting() {
  // A spy that calls through: what else is logged still shows where it came from.
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    spy = jest.spyOn(console, "error");
  });
  afterEach(() => {
    const nesting = (spy?.mock.calls ?? [])
      .filter((args) => typeof args[0] === "string" && args[0].includes("validateDOMNesting"))
      .map((args) => args.slice(1, 3).map(String).join(" "));
    spy?.mockRestore();
    expect(nesting).toEqual([]);
  });
}
