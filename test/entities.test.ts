// One rule for finding an entity: codes normalised (full-width, leading zeros), names only when unique.
import { matchByCode, matchEntity, matchIdentity, normaliseCode } from "../src/workbook/entities";
import { summarise } from "../src/app/review/summarise";
import type { ReviewRecord } from "../src/app/review/types";
import { miniRulebook } from "./fixtures/mini-rulebook";

const rows = [
  { code: "132063", name: "府中市" }, // 東京都
  { code: "342076", name: "府中市" }, // 広島県
  { code: "012025", name: "函館市" },
  { code: "012025", name: "函館市（重複）" },
  { code: "013005", name: "石狩市" },
];

describe("matching entities", () => {
  test("codes: numbers and full-width digits normalised to six digits", () => {
    expect(normaliseCode(12025)).toBe("012025");
    expect(normaliseCode("０１３００５")).toBe("013005");
    expect(normaliseCode(" 013005 ")).toBe("013005");
    // Text is kept as written: a five-digit 団体コード stays five digits.
    expect(normaliseCode("01202")).toBe("01202");
    expect(normaliseCode("A-1")).toBe("A-1");
    expect(matchEntity(rows, "13005")).toEqual({ kind: "found", entity: rows[4] });
    expect(matchEntity(rows, "０１３００５")).toEqual({ kind: "found", entity: rows[4] });
  });

  test("a code two rows carry is ambiguous, never the first", () => {
    expect(matchByCode(rows, "012025")).toMatchObject({ kind: "ambiguous", by: "code" });
  });

  test("a name two rows carry is ambiguous; a unique name is found, spaces and width aside", () => {
    expect(matchEntity(rows, "府中市")).toMatchObject({ kind: "ambiguous", by: "name" });
    expect(matchEntity(rows, "石狩 市")).toEqual({ kind: "found", entity: rows[4] });
    expect(matchEntity(rows, "札幌市")).toEqual({ kind: "none" });
    expect(matchEntity(rows, "")).toEqual({ kind: "none" });
  });

  test("a workbook's identity: its code first, its name when no code matches", () => {
    expect(matchIdentity(rows, { code: "342076", name: "府中市" })).toEqual({ kind: "found", entity: rows[1] });
    expect(matchIdentity(rows, { code: "999999", name: "石狩市" })).toEqual({ kind: "found", entity: rows[4] });
    expect(matchIdentity(rows, { name: "府中市" })).toMatchObject({ kind: "ambiguous" });
  });

  test("review: last year's 府中市 rows with different figures give no previous year to a 府中市 without a code", () => {
    const rb = miniRulebook;
    const rec = (name: string, code: string | undefined, points: number): ReviewRecord => ({
      file: `${name}${code ?? ""}.xlsx`,
      status: "scored",
      identity: code ? { name, code, source: "template" } : { name, source: "template" },
      rulebookId: rb.id,
      total: { id: rb.root.id, points, max: 100, ratePercent: points },
    });
    const previous = [rec("府中市", "132063", 40), rec("府中市", "342076", 70)];
    const s = summarise([rec("府中市", undefined, 50), rec("府中市", "342076", 60)], { rulebook: rb, previous });
    const byFile = new Map(s.rows.map((r) => [r.file, r]));
    expect(byFile.get("府中市.xlsx")?.previousRatePercent ?? null).toBeNull();
    expect(byFile.get("府中市.xlsx")?.trend).toBe("―");
    expect(byFile.get("府中市342076.xlsx")?.previousRatePercent).toBe(70);
  });
});
