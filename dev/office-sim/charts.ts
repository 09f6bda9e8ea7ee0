// Worksheet.charts: the subset an add-in uses to put a native chart on a sheet — add from a data
// range, name it, give it a title, place it over cells, delete it. The model keeps what the chart is
// (type, data range, title, position), not how it looks: series, axes, legend and formatting are not
// simulated. A chart proxy binds to the chart's id the first time a request finds it, so renaming a
// chart mid-batch does not lose it.
import { type Box, formatBox, parseAddress, qualify } from "./address";
import type { SimContext } from "./context";
import { officeError } from "./errors";
import { CHART_SERIES_BY, CHART_TYPES } from "./globals";
import { type RangeTarget, assertWritable } from "./grid";
import type { SimChart, SimSheet } from "./model";
import { type Env, type PropTable, SimCollection, SimObject, SimPart, exposeProps } from "./proxy";

interface ChartTarget {
  sheet: SimSheet;
  chart: SimChart;
}

interface ChartRef {
  sheetId?: string;
  id?: string;
}

/** Anything that locates a sheet (a Worksheet proxy), without importing worksheet.ts. */
type SheetSource = SimObject<SimSheet>;

/** Any Range proxy. */
type RangeSource = SimObject<RangeTarget>;

const VALID_TYPES = new Set(CHART_TYPES.filter((t) => t !== "Invalid"));
const SERIES_BY = new Set(CHART_SERIES_BY);

function update(t: ChartTarget, patch: Partial<SimChart>, location: string): void {
  assertWritable(t.sheet, location);
  t.sheet.setCharts(t.sheet.charts.map((c) => (c.id === t.chart.id ? { ...c, ...patch } : c)));
}

function checkType(type: unknown, location: string): string {
  if (typeof type !== "string" || !VALID_TYPES.has(type))
    throw officeError("InvalidArgument", `chart type ${String(type)}`, location);
  return type;
}

/** Excel numbers new charts per sheet: one past the highest "Chart N" there. */
function defaultName(sheet: SimSheet): string {
  let max = 0;
  for (const c of sheet.charts) {
    const m = /^Chart (\d+)$/i.exec(c.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `Chart ${max + 1}`;
}

function sameContext(ctx: SimContext, x: unknown, location: string): void {
  if (x instanceof SimObject && x._ctx !== ctx)
    throw officeError("InvalidRequestContext", undefined, location);
}

/** A setPosition argument as a box on the chart's sheet. */
function cellBox(t: ChartTarget, cell: RangeSource | string, env: Env, location: string): Box {
  if (typeof cell === "string") {
    const p = parseAddress(cell);
    if (!p || (p.sheet !== undefined && p.sheet.toUpperCase() !== t.sheet.name.toUpperCase()))
      throw officeError("InvalidArgument", `cell ${cell}`, location);
    return p.box;
  }
  const r = cell._require(env, location);
  if (r.sheet !== t.sheet)
    throw officeError("InvalidArgument", "the cell is on another sheet than the chart", location);
  return r.box;
}

export class SimChartCollection extends SimCollection<SimSheet, SimChartProxy> {
  readonly _type = "ChartCollection";

  constructor(private readonly sheet: SheetSource) {
    super(sheet._ctx);
  }

  _locate(env: Env): SimSheet | null {
    return this.sheet._resolve(env);
  }

  _itemKeys(s: SimSheet): string[] {
    return s.charts.map((c) => `${s.id}|${c.id}`);
  }

  _item(key: string): SimChartProxy {
    const [sheetId, id] = key.split("|");
    return new SimChartProxy(this._ctx, { sheetId, id });
  }

  /**
   * type: an Excel.ChartType value ("ColumnClustered", …); sourceData: a Range (it may lie on
   * another sheet); seriesBy: "Auto" (default), "Columns" or "Rows". The chart is named "Chart N".
   */
  add(type: string, sourceData: RangeSource, seriesBy: string = "Auto"): SimChartProxy {
    sameContext(this._ctx, sourceData, "ChartCollection.add");
    const ref: ChartRef = {};
    this._action("add", [type, "<Range>", seriesBy], (sheet, env, location) => {
      checkType(type, location);
      if (!SERIES_BY.has(seriesBy)) throw officeError("InvalidArgument", `seriesBy ${seriesBy}`, location);
      const src = sourceData._require(env, location);
      assertWritable(sheet, location);
      const chart: SimChart = {
        id: env.wb._newChartId(),
        name: defaultName(sheet),
        type,
        source: qualify(src.sheet.name, src.box),
        seriesBy,
      };
      sheet.setCharts([...sheet.charts, chart]);
      ref.sheetId = sheet.id;
      ref.id = chart.id;
    });
    return new SimChartProxy(this._ctx, ref);
  }

  getItem(name: string): SimChartProxy {
    return new SimChartProxy(this._ctx, {}, (env) => this._byName(env, name));
  }

  getItemOrNullObject(name: string): SimChartProxy {
    return new SimChartProxy(this._ctx, {}, (env) => this._byName(env, name), true);
  }

  getItemAt(index: number): SimChartProxy {
    return new SimChartProxy(this._ctx, {}, (env) => {
      const sheet = this._resolve(env);
      const chart = sheet?.charts[index];
      return sheet && chart ? { sheet, chart } : null;
    });
  }

  private _byName(env: Env, name: string): ChartTarget | null {
    const sheet = this._resolve(env);
    const chart = sheet?.chart(name);
    return sheet && chart ? { sheet, chart } : null;
  }
}

const CHART_PROPS: PropTable<ChartTarget> = {
  id: { read: (t) => t.chart.id },
  name: {
    read: (t) => t.chart.name,
    write: (t, v, _env, location) => {
      const name = String(v);
      if (!name.trim()) throw officeError("InvalidArgument", "empty chart name", location);
      const other = t.sheet.chart(name);
      if (other && other.id !== t.chart.id)
        throw officeError("ItemAlreadyExists", `chart ${name} on ${t.sheet.name}`, location);
      update(t, { name }, location);
    },
  },
  chartType: {
    read: (t) => t.chart.type,
    write: (t, v, _env, location) => update(t, { type: checkType(v, location) }, location),
  },
};

export class SimChartProxy extends SimObject<ChartTarget> {
  readonly _type = "Chart";

  constructor(
    ctx: SimContext,
    private readonly _ref: ChartRef,
    private readonly _find?: (env: Env) => ChartTarget | null,
    nullable = false,
  ) {
    super(ctx, nullable);
  }

  _locate(env: Env): ChartTarget | null {
    const { sheetId, id } = this._ref;
    if (id !== undefined) {
      const sheet = sheetId === undefined ? undefined : env.wb.sheetById(sheetId);
      const chart = sheet?.charts.find((c) => c.id === id);
      return sheet && chart ? { sheet, chart } : null;
    }
    const t = this._find?.(env) ?? null;
    if (t) {
      this._ref.sheetId = t.sheet.id;
      this._ref.id = t.chart.id;
    }
    return t;
  }

  _table(): PropTable<ChartTarget> {
    return CHART_PROPS;
  }

  override _makeNav(name: string): SimObject | undefined {
    return name === "title" ? new SimChartTitle(this) : undefined;
  }

  get title(): SimChartTitle {
    return this._nav("title");
  }

  /** Place the chart at startCell; with endCell, size it to cover through endCell. */
  setPosition(startCell: RangeSource | string, endCell?: RangeSource | string): void {
    sameContext(this._ctx, startCell, "Chart.setPosition");
    sameContext(this._ctx, endCell, "Chart.setPosition");
    const args = [startCell, endCell].map((c) => (typeof c === "string" || c === undefined ? c : "<Range>"));
    this._action("setPosition", args, (t, env, location) => {
      const start = cellBox(t, startCell, env, location);
      let box: Box = { top: start.top, left: start.left, bottom: start.top, right: start.left };
      if (endCell !== undefined && endCell !== null) {
        const end = cellBox(t, endCell, env, location);
        box = {
          top: Math.min(box.top, end.top),
          left: Math.min(box.left, end.left),
          bottom: Math.max(box.top, end.bottom),
          right: Math.max(box.left, end.right),
        };
      }
      update(t, { position: formatBox(box) }, location);
    });
  }

  delete(): void {
    this._action("delete", [], (t, _env, location) => {
      assertWritable(t.sheet, location);
      t.sheet.setCharts(t.sheet.charts.filter((c) => c.id !== t.chart.id));
    });
  }
}
exposeProps(SimChartProxy, CHART_PROPS);

const TITLE_PROPS: PropTable<ChartTarget> = {
  /** "" when the chart has no title (Excel's automatic titles are not simulated). */
  text: {
    read: (t) => t.chart.title ?? "",
    write: (t, v, _env, location) => {
      const text = v === null || v === undefined ? "" : String(v);
      update(t, { title: text === "" ? undefined : text }, location);
    },
  },
};

/** Chart.title: its text only (format, position, visibility are not simulated). */
export class SimChartTitle extends SimPart<ChartTarget> {
  readonly _type = "ChartTitle";

  _table(): PropTable<ChartTarget> {
    return TITLE_PROPS;
  }
}
exposeProps(SimChartTitle, TITLE_PROPS);
