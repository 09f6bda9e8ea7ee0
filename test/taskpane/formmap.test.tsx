/** @jest-environment jsdom */
// The form-map view (様式の割り当て) against the in-memory PaneApi: the current map and removing,
// detection and saving what is checked, mapping by hand from the selected cell, export and import.
import { act, fireEvent, screen, within } from "@testing-library/react";
import { FORM_MAP_FORMAT } from "../../src/workbook/form-map-detect";
import { msg, render, UserError } from "../../src/messages";
import { miniRulebook } from "../fixtures/mini-rulebook";
import { FakeApi, fakeApi, FakeOptions } from "./fake-api";
import { installJsdomShims, noSeriousViolations, refuseInvalidNesting, renderPane } from "./render-pane";
import { REVOKE_AFTER_MS } from "../../src/taskpane/download";

beforeAll(installJsdomShims);
refuseInvalidNesting();

function setup(extra: Partial<FakeOptions> = {}): FakeApi {
  return fakeApi({ rulebooks: [miniRulebook], answers: {}, ...extra });
}

/** Opens the tab (no scoring needed) and waits for the map to load. */
async function openFormMap(api: FakeApi): Promise<HTMLElement> {
  renderPane(api);
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "様式の割り当て" }));
  });
  await screen.findByText(/割り当て済み/);
  return screen.getByRole("tabpanel");
}

const section = (name: string) => screen.getByRole("heading", { name }).closest("section") as HTMLElement;
const called = (api: FakeApi, method: string) => api.calls.filter((c) => c.method === method);

// 11 indicators have answer cells of their own (D.link takes A.y1's answer).
const MAPPED = [
  { indicatorId: "A.y1", answerCell: "様式1!$F$5" },
  { indicatorId: "D.pts", answerCell: "様式1!$F$20", pointsCell: "様式1!$G$20" },
];

test("reachable before scoring: the current map, with the count of unmapped indicators", async () => {
  const api = setup({ formMap: MAPPED });
  const panel = await openFormMap(api);
  expect(called(api, "score")).toHaveLength(0);
  expect(called(api, "formMap")[0].args).toEqual(["test-mini"]);
  expect(within(panel).getByRole("heading", { level: 2, name: "様式の割り当て" })).toBeTruthy();
  const current = section("現在の割り当て");
  expect(within(current).getByText("割り当て済み 2件・未割り当て 9件")).toBeTruthy();
  const items = within(current).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    // Ids only under 詳細.
    expect.stringMatching(/^ア 計画を策定外す回答セル 様式1!F5詳細（指標ID など）A\.y1$/),
    expect.stringMatching(/^その他（得点入力）外す回答セル 様式1!F20 ・ 得点セル 様式1!G20詳細（指標ID など）D\.pts$/),
  ]);
  await act(async () => {
    fireEvent.click(within(items[1]).getByRole("button", { name: "様式1!G20 をシートで選択" }));
  });
  expect(called(api, "selectCell")[0].args).toEqual(["様式1!$G$20"]);
  await noSeriousViolations();
});

test("before a run, the results view points to the form map", async () => {
  renderPane(setup());
  await noSeriousViolations();
  const open = screen.getByRole("button", { name: "様式の割り当てを開く" });
  await act(async () => {
    fireEvent.click(open);
  });
  const tab = screen.getByRole("tab", { name: "様式の割り当て" });
  expect(tab.getAttribute("aria-selected")).toBe("true");
  expect(document.activeElement).toBe(tab);
  expect(await screen.findByText("割り当て済み 0件・未割り当て 11件")).toBeTruthy();
  expect(screen.getByText("まだ割り当てはありません。")).toBeTruthy();
});

test("remove: one entry, then the list and the counts follow", async () => {
  const api = setup({ formMap: MAPPED });
  await openFormMap(api);
  const current = section("現在の割り当て");
  await act(async () => {
    fireEvent.click(within(current).getByRole("button", { name: "ア 計画を策定 の割り当てを外す" }));
  });
  expect(called(api, "removeFormMap")[0].args).toEqual([["A.y1"]]);
  expect(api.formMapEntries.has("A.y1")).toBe(false);
  expect(await within(current).findByText("ア 計画を策定 の割り当てを外しました。")).toBeTruthy();
  expect(within(current).getByText("割り当て済み 1件・未割り当て 10件")).toBeTruthy();
  expect(within(current).getAllByRole("listitem")).toHaveLength(1);
  // The pressed button went with its row; the focus stays in the section.
  expect(document.activeElement).toBe(within(current).getByRole("heading", { name: "現在の割り当て" }));
});

test("detect: proposals checked by default; the cells select; only the checked ones are saved", async () => {
  const api = setup({
    proposals: [
      {
        indicatorId: "A.y1",
        answerCell: "様式1!$C$4",
        labelCell: "様式1!B4",
        labelText: "計画を策定",
        matchedBy: "name",
      },
      {
        indicatorId: "B.c",
        answerCell: "様式1!$C$7",
        labelCell: "様式1!B7",
        labelText: "B.c",
        matchedBy: "id",
      },
      {
        indicatorId: "B.n",
        answerCell: "様式1!$C$9",
        labelCell: "様式1!B9",
        labelText: "受診率（％）",
        matchedBy: "alias",
      },
    ],
    formMap: [{ indicatorId: "A.y1", answerCell: "様式1!$F$5" }],
  });
  await openFormMap(api);
  const detect = section("自動検出");
  await act(async () => {
    fireEvent.click(within(detect).getByRole("button", { name: "自動検出" }));
  });
  expect(called(api, "detectFormMap")[0].args).toEqual(["test-mini"]);
  const list = within(detect).getByRole("list", { name: "検出した回答セル" });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(3);
  expect(items[0].textContent).toContain(
    "様式1!B4「計画を策定」→回答セル 様式1!C4 ・ 名前で一致 ・ 現在 様式1!F5",
  );
  expect(items[1].textContent).toContain("IDで一致");
  expect(items[2].textContent).toContain("別名で一致");
  const boxes = within(list).getAllByRole("checkbox") as HTMLInputElement[];
  expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
  expect(within(detect).getByRole("checkbox", { name: "すべて選ぶ（3/3件）" })).toBeTruthy();
  expect(within(detect).getByRole("status").textContent).toBe(
    "3件見つかりました。確かめて、保存するものを選んでください。",
  );
  await noSeriousViolations();

  await act(async () => {
    fireEvent.click(within(items[0]).getByRole("button", { name: "様式1!B4 をシートで選択" }));
  });
  await act(async () => {
    fireEvent.click(within(items[0]).getByRole("button", { name: "様式1!C4 をシートで選択" }));
  });
  expect(called(api, "selectCell").map((c) => c.args[0])).toEqual(["様式1!B4", "様式1!$C$4"]);

  fireEvent.click(within(list).getByRole("checkbox", { name: /受診率/ }));
  expect((within(detect).getByRole("checkbox", { name: /すべて選ぶ/ }) as HTMLInputElement).checked).toBe(
    false,
  );
  expect(within(detect).getByRole("checkbox", { name: "すべて選ぶ（2/3件）" })).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(detect).getByRole("button", { name: "選んだ割り当てを保存" }));
  });
  // Entries only: the label, its text and how it matched stay in the pane.
  expect(called(api, "saveFormMap")[0].args).toEqual([
    [
      { indicatorId: "A.y1", answerCell: "様式1!$C$4" },
      { indicatorId: "B.c", answerCell: "様式1!$C$7" },
    ],
  ]);
  expect(
    await within(detect).findByText(
      "2件の割り当てを保存しました。「採点」を押すと、新しい割り当てで採点します。",
    ),
  ).toBeTruthy();
  // What was not saved stays to be decided; the map shows what was.
  const rest = within(within(detect).getByRole("list")).getAllByRole("listitem");
  expect(rest.map((li) => li.textContent)).toEqual([expect.stringContaining("受診率")]);
  expect(within(section("現在の割り当て")).getByText("割り当て済み 2件・未割り当て 9件")).toBeTruthy();
  expect(api.formMapEntries.get("A.y1")).toEqual({ indicatorId: "A.y1", answerCell: "様式1!$C$4" });
});

test("detect: nothing found says so", async () => {
  const api = setup({ proposals: [] });
  await openFormMap(api);
  const detect = section("自動検出");
  await act(async () => {
    fireEvent.click(within(detect).getByRole("button", { name: "自動検出" }));
  });
  expect(
    within(detect).getByText("指標の見出しが見つかりませんでした。手動で割り当ててください。"),
  ).toBeTruthy();
  expect(within(detect).queryByRole("button", { name: "選んだ割り当てを保存" })).toBeNull();
});

/** Types into the indicator box (a key opens the list, as typing does). */
function typeInto(box: HTMLElement, text: string) {
  act(() => box.focus());
  fireEvent.keyDown(box, { key: text.slice(-1) });
  fireEvent.change(box, { target: { value: text } });
}

/** Types into the indicator box and picks the option. */
async function pickIndicator(manual: HTMLElement, typed: string, option: RegExp) {
  const box = within(manual).getByRole("combobox", { name: "指標" });
  typeInto(box, typed);
  const options = await screen.findAllByRole("option");
  const hit = options.find((o) => option.test(o.textContent ?? ""));
  expect(hit).toBeTruthy();
  fireEvent.click(hit!);
  return box as HTMLInputElement;
}

test("by hand: search by id or name; without a selection a message, with one the answer cell", async () => {
  const api = setup();
  await openFormMap(api);
  const manual = section("手動で割り当て");
  const answer = within(manual).getByRole("button", { name: "選択中のセルを回答セルにする" });
  expect(answer.hasAttribute("disabled")).toBe(true);

  // By name: only the matching indicators are offered.
  typeInto(within(manual).getByRole("combobox", { name: "指標" }), "会議");
  expect((await screen.findAllByRole("option")).map((o) => o.textContent)).toEqual([
    expect.stringMatching(/^ウ 会議を開催A\.y3/),
  ]);
  // By id.
  const box = await pickIndicator(manual, "a.Y3", /会議を開催/);
  expect(box.value).toBe("ウ 会議を開催（A.y3）");
  expect(within(manual).getByText("まだ割り当てていません。")).toBeTruthy();

  await act(async () => {
    fireEvent.click(within(manual).getByRole("button", { name: "選択中のセルを回答セルにする" }));
  });
  expect(called(api, "selectedCell")).toHaveLength(1);
  expect(called(api, "saveFormMap")).toHaveLength(0);
  expect(within(manual).getByText("シートでセルを選択してから、もう一度押してください。")).toBeTruthy();
  await noSeriousViolations();

  api.select("様式1!$C$9");
  await act(async () => {
    fireEvent.click(within(manual).getByRole("button", { name: "選択中のセルを回答セルにする" }));
  });
  expect(called(api, "saveFormMap")[0].args).toEqual([[{ indicatorId: "A.y3", answerCell: "様式1!$C$9" }]]);
  expect(
    within(manual).getByText(
      "ウ 会議を開催 の回答セルを 様式1!C9 にしました。「採点」を押すと、新しい割り当てで採点します。",
    ),
  ).toBeTruthy();
  expect(within(manual).getByText("回答セル 様式1!C9")).toBeTruthy();
  expect(within(section("現在の割り当て")).getByText("割り当て済み 1件・未割り当て 10件")).toBeTruthy();

  // The points cell keeps the answer cell.
  api.select("様式1!$D$9");
  await act(async () => {
    fireEvent.click(within(manual).getByRole("button", { name: "選択中のセルを得点セルにする" }));
  });
  expect(called(api, "saveFormMap")[1].args).toEqual([
    [{ indicatorId: "A.y3", answerCell: "様式1!$C$9", pointsCell: "様式1!$D$9" }],
  ]);
  expect(api.formMapEntries.get("A.y3")).toEqual({
    indicatorId: "A.y3",
    answerCell: "様式1!$C$9",
    pointsCell: "様式1!$D$9",
  });
  expect(within(manual).getByText("回答セル 様式1!C9 ・ 得点セル 様式1!D9")).toBeTruthy();
});

test("by hand: a points cell needs the answer cell first", async () => {
  const api = setup({ selection: "様式1!$D$3" });
  await openFormMap(api);
  const manual = section("手動で割り当て");
  await pickIndicator(manual, "D.pts", /その他/);
  await act(async () => {
    fireEvent.click(within(manual).getByRole("button", { name: "選択中のセルを得点セルにする" }));
  });
  expect(
    within(manual).getByText(
      "その他（得点入力） にはまだ回答セルがありません。先に回答セルを割り当ててください。",
    ),
  ).toBeTruthy();
  expect(called(api, "saveFormMap")).toHaveLength(0);
});

test("export: the map's JSON is downloaded as saiten-formmap-<rulebook>.json", async () => {
  const api = setup({ formMap: MAPPED });
  let blob: Blob | null = null;
  const created = jest.fn((b: Blob) => {
    blob = b;
    return "blob:formmap";
  });
  const revoked = jest.fn();
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
  const clicked: { download: string; href: string; inDocument: boolean }[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) });
  });
  try {
    await openFormMap(api);
    const share = section("共有");
    // Timers watched only around the click: Testing Library's waits take a spied setTimeout for fake timers.
    const timers = jest.spyOn(global, "setTimeout");
    await act(async () => {
      fireEvent.click(within(share).getByRole("button", { name: "書き出し" }));
    });
    const revoke = timers.mock.calls.find(([, ms]) => ms === REVOKE_AFTER_MS);
    timers.mockRestore();
    expect(called(api, "exportFormMap")[0].args).toEqual(["test-mini"]);
    expect(clicked).toEqual([
      { download: "saiten-formmap-test-mini.json", href: "blob:formmap", inDocument: true },
    ]);
    expect(document.querySelector("a[download]")).toBeNull();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob!);
    });
    expect(JSON.parse(text)).toEqual({ format: FORM_MAP_FORMAT, rulebook: "test-mini", entries: MAPPED });
    expect(blob!.type).toBe("application/json");
    expect(within(share).getByText("saiten-formmap-test-mini.json を書き出しました。")).toBeTruthy();
    // The URL is revoked after the download has had time to start, not at once.
    expect(revoked).not.toHaveBeenCalled();
    expect(revoke).toBeDefined();
    (revoke![0] as () => void)();
    expect(revoked).toHaveBeenCalledWith("blob:formmap");
  } finally {
    click.mockRestore();
  }
});

test("export is offered only when something is mapped", async () => {
  await openFormMap(setup());
  expect(within(section("共有")).getByRole("button", { name: "書き出し" }).hasAttribute("disabled")).toBe(
    true,
  );
});

function chooseFile(text: string, name = "map.json") {
  const input = document.querySelector('input[type="file"][accept=".json"]') as HTMLInputElement;
  expect(input.getAttribute("aria-label")).toBe("割り当てファイル（JSON）");
  fireEvent.change(input, { target: { files: [new File([text], name, { type: "application/json" })] } });
}

test("import: reads the chosen file and reports how many entries", async () => {
  const api = setup({ formMap: [MAPPED[0]] });
  await openFormMap(api);
  const share = section("共有");
  const file = JSON.stringify({
    format: FORM_MAP_FORMAT,
    rulebook: "test-mini",
    entries: [
      { indicatorId: "A.y2", answerCell: "様式1!$F$6" },
      { indicatorId: "B.c", answerCell: "様式1!$F$8", pointsCell: "様式1!$G$8" },
    ],
  });
  await act(async () => {
    chooseFile(file);
  });
  expect(
    await within(share).findByText(
      "2件の割り当てを読み込みました。「採点」を押すと、新しい割り当てで採点します。",
    ),
  ).toBeTruthy();
  expect(called(api, "importFormMap")[0].args).toEqual(["test-mini", file]);
  expect(within(section("現在の割り当て")).getByText("割り当て済み 3件・未割り当て 8件")).toBeTruthy();
});

test("import: the api's message when the file is not a form map", async () => {
  const api = setup();
  await openFormMap(api);
  const share = section("共有");
  await act(async () => {
    chooseFile("not json");
  });
  expect(
    await within(share).findByText(
      "割り当てファイルを JSON として読めません。Saiten で書き出したファイルを選んでください。",
    ),
  ).toBeTruthy();
  expect(within(share).getByText("できませんでした")).toBeTruthy();
  await noSeriousViolations();
  fireEvent.click(within(share).getByRole("button", { name: "閉じる" }));
  expect(within(share).queryByText(/JSON として読めません/)).toBeNull();
});

test("errors from the workbook side are shown in the section that asked", async () => {
  const api = setup();
  const problem = msg("session.rulebook-missing", { id: "old-rulebook" });
  api.detectFormMap = async () => {
    throw new UserError(problem);
  };
  await openFormMap(api);
  const detect = section("自動検出");
  await act(async () => {
    fireEvent.click(within(detect).getByRole("button", { name: "自動検出" }));
  });
  expect(within(detect).getByText(render(problem, "ja"))).toBeTruthy();
});

test("English", async () => {
  const api = setup({ formMap: MAPPED });
  await openFormMap(api);
  fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
  expect(screen.getByRole("tab", { name: "Answer cells" }).getAttribute("aria-selected")).toBe("true");
  expect(await screen.findByText("2 mapped · 9 not mapped")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Remove the cells of ア 計画を策定" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Use the selected cell as the answer cell" })).toBeTruthy();
  await noSeriousViolations();
});

test("English: a file that is not a form map is said in English", async () => {
  const api = setup();
  await openFormMap(api);
  fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
  const share = section("Share");
  const input = document.querySelector('input[type="file"][accept=".json"]') as HTMLInputElement;
  expect(input.getAttribute("aria-label")).toBe("Map file (JSON)");
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File(["not json"], "map.json", { type: "application/json" })] } });
  });
  expect(
    await within(share).findByText("The map file cannot be read as JSON. Choose a file Saiten exported."),
  ).toBeTruthy();
  expect(within(share).getByText("That did not work")).toBeTruthy();
});
