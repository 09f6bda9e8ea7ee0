// Placeholder task pane until the add-in issue: shows that the engine and the bundled rulebooks run in
// the browser bundle. The React + Fluent UI pane replaces this file.
import { jaText } from "../engine/text";
import { bundledRulebooks } from "../rulebooks/registry";

function render(root: HTMLElement): void {
  const list = bundledRulebooks()
    .map(
      (rb) =>
        `<li><code>${rb.id}</code> ${jaText(rb.title)}（${rb.fiscalYear}年度、${rb.root.max ?? "―"}点）</li>`,
    )
    .join("");
  root.innerHTML = `<h1>採点 Saiten</h1><p>作業ウィンドウは準備中です。同梱のルールブック:</p><ul>${list}</ul>`;
}

const root = document.getElementById("app");
if (root) render(root);
