// Preview only: a read-only view of one sheet of the in-memory workbook, so a newcomer (and the browser
// tests) can see what scoring writes and what applying a scenario changes.
import { useEffect, useState } from "react";
import type { SimWorkbook } from "../office-sim";
import { cellAddress, columnLetters, columnNumber } from "../../src/excel/a1";

export interface SheetViewProps {
  model: SimWorkbook;
  /** Bumped by the host after every workbook change. */
  version: number;
  /** A click on a cell selects it, as in Excel (the pane hears the selection event). */
  onSelectCell?: (sheet: string, address: string) => void;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(Math.round(v * 1000) / 1000);
  return String(v);
}

export function SheetView({ model, version, onSelectCell }: SheetViewProps) {
  const visible = model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
  const [sheet, setSheet] = useState(visible[0] ?? "");
  useEffect(() => {
    if (!visible.includes(sheet) && visible[0]) setSheet(visible[0]);
  }, [version, sheet, visible]);
  const cells = model.sheet(sheet)?.snapshot().cells ?? {};
  let rows = 0;
  let cols = 0;
  for (const addr of Object.keys(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    rows = Math.max(rows, Number(m[2]));
    cols = Math.max(cols, columnNumber(m[1]));
  }
  return (
    <section
      aria-label="ブックのプレビュー / workbook preview"
      style={{ overflow: "auto", height: "100%", fontSize: 12 }}
    >
      <div
        role="tablist"
        aria-label="シート / sheets"
        style={{ display: "flex", gap: 4, padding: 4, borderBottom: "1px solid #ccc" }}
      >
        {visible.map((name) => (
          <button
            key={name}
            role="tab"
            aria-selected={name === sheet}
            onClick={() => setSheet(name)}
            style={{ fontWeight: name === sheet ? 700 : 400 }}
          >
            {name}
          </button>
        ))}
      </div>
      <table data-sheet={sheet} style={{ borderCollapse: "collapse" }}>
        <caption style={{ textAlign: "left", padding: 4 }}>{sheet}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span style={{ position: "absolute", left: -9999 }}>行</span>
            </th>
            {Array.from({ length: cols }, (_, j) => (
              <th
                scope="col"
                key={j}
                style={{ background: "#f3f3f3", border: "1px solid #ddd", padding: "0 4px" }}
              >
                {columnLetters(j + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row" style={{ background: "#f3f3f3", border: "1px solid #ddd", padding: "0 4px" }}>
                {i + 1}
              </th>
              {Array.from({ length: cols }, (_, j) => {
                const addr = cellAddress(i + 1, j + 1);
                const c = cells[addr];
                return (
                  <td
                    key={j}
                    data-cell={addr}
                    title={c?.formula}
                    onClick={() => onSelectCell?.(sheet, addr)}
                    style={{
                      border: "1px solid #eee",
                      padding: "0 4px",
                      whiteSpace: "nowrap",
                      maxWidth: 240,
                      overflow: "hidden",
                      textOverflow: "ellipsis",
                    }}
                  >
                    {cellText(c?.value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
