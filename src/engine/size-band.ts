// Size bands as people read them: a class's label, and the caution that goes with every band shown
// when the rulebook's bands are carried forward from another year (sizeClasses.assumedFrom) instead
// of being published for its own year.
import type { Rulebook } from "../rulebooks/schema";
import { bilingual, type Bilingual, msg } from "../messages";
import { sizeClassFor } from "./score";
import { localText } from "./text";
import type { LocalText, ScoreContext } from "./types";

/** A fiscal year as each language writes it: 令和6年度, FY2024. */
function fiscalYear(year: number): Bilingual {
  const r = year - 2018;
  return { ja: r >= 1 ? `令和${r === 1 ? "元" : r}年度` : `${year}年度`, en: `FY${year}` };
}

/** 「規模区分は令和6年度の区分を流用した推定です」, or null when the bands are the year's own. */
export function assumedSizeBands(rulebook: Pick<Rulebook, "sizeClasses">): LocalText | null {
  const from = rulebook.sizeClasses?.assumedFrom;
  return from === undefined ? null : bandsAssumedFrom(from);
}

/** The caution for bands carried forward from fiscal year `from`. */
export function bandsAssumedFrom(from: number): LocalText {
  return bilingual(msg("engine.bands-assumed", { year: fiscalYear(from) }));
}

/** The size band a score used (stated, or from the size), with the caution where bands are assumed. */
export function sizeBandLine(rulebook: Rulebook, context: ScoreContext): LocalText | null {
  const cls = sizeClassFor(rulebook, context);
  if (!cls) return null;
  const label = localText(cls.label);
  const assumed = assumedSizeBands(rulebook);
  return bilingual(
    assumed ? msg("engine.size-band-assumed", { label, assumed }) : msg("engine.size-band", { label }),
  );
}
