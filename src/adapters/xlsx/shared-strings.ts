// sharedStrings.xml: plain strings (with _xHHHH_ escapes decoded) or rich text runs, as ExcelJS reads them.
import { Unsupported } from "./errors";
import { isXmlSpace } from "../../files/xml-chars";
import { blankBetween, decodeText, scanXml, startsAt } from "./xml";

export type SharedString = string | { richText: { text: string | undefined }[] };

export function unescapeX(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The strings of sharedStrings.xml. Plain <si><t>…</t></si> entries, as most writers give them, are
 * read by a direct loop; a part with anything else (rich runs, phonetic readings, extensions) is read
 * by the general scanner, which gives the same strings for the plain entries.
 */
export function parseSharedStrings(xml: string): SharedString[] {
  return plainStrings(xml) ?? scannedStrings(xml);
}

/** Every entry a plain <si><t>text</t></si>, or undefined. */
function plainStrings(xml: string): SharedString[] | undefined {
  let i = 0;
  if (xml.startsWith("<?xml")) {
    i = xml.indexOf("?>");
    if (i < 0) return undefined;
    i += 2;
  }
  const root = xml.indexOf("<", i);
  if (
    root < 0 ||
    !blankBetween(xml, i, root) ||
    !xml.startsWith("<sst", root) ||
    !isSpaceOrClose(xml.charCodeAt(root + 4))
  )
    return undefined;
  i = xml.indexOf(">", root);
  if (i < 0 || xml.charCodeAt(i - 1) === 47 || quoted(xml, root, i)) return undefined;
  i++;
  const out: SharedString[] = [];
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || !blankBetween(xml, i, lt)) return undefined;
    if (xml.charCodeAt(lt + 1) === 47)
      return xml.startsWith("</sst>", lt) && blankBetween(xml, lt + 6, xml.length) ? out : undefined;
    if (!startsAt(xml, lt, "<si><t")) return undefined;
    const ch = xml.charCodeAt(lt + 6);
    let from: number;
    if (ch === 62) from = lt + 7;
    else if (xml.startsWith(' xml:space="preserve">', lt + 6)) from = lt + 28;
    else return undefined;
    const to = xml.indexOf("<", from);
    if (to < 0 || !startsAt(xml, to, "</t></si>")) return undefined;
    out.push(unescapeX(to > from ? decodeText(xml.slice(from, to)) : ""));
    i = to + 9;
  }
}

const isSpaceOrClose = (ch: number) => isXmlSpace(ch) || ch === 62;

/** A quote inside the tag: leave attributes with ">" in their values to the scanner. */
function quoted(xml: string, from: number, to: number): boolean {
  let q = 0;
  for (let k = from; k < to; k++) if (xml.charCodeAt(k) === 34 || xml.charCodeAt(k) === 39) q++;
  return q % 2 === 1;
}

function scannedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let cur: SharedString | undefined;
  let inSi = false;
  let inR = false;
  let inRPh = false;
  let runText: string | undefined;
  let text: string[] | null = null;
  scanXml(xml, {
    open: (name) => {
      if (name === "si") {
        inSi = true;
        cur = undefined;
      } else if (!inSi) {
        if (name !== "sst") throw new Unsupported(`sharedStrings: <${name}>`);
      } else if (name === "r" && !inRPh) {
        inR = true;
        runText = undefined;
      } else if (name === "rPh") {
        inRPh = true;
      } else if (name === "t") {
        text = [];
      }
    },
    text: (raw) => {
      if (text) text.push(decodeText(raw));
    },
    close: (name) => {
      if (name === "t" && text) {
        const t = unescapeX(text.join(""));
        text = null;
        if (inRPh) return;
        if (inR) runText = t;
        else cur = t;
      } else if (name === "r" && inR) {
        inR = false;
        if (typeof cur === "string") throw new Unsupported("sharedStrings: text and runs mixed");
        if (cur === undefined) cur = { richText: [] };
        cur.richText.push({ text: runText });
      } else if (name === "rPh") {
        inRPh = false;
      } else if (name === "si") {
        inSi = false;
        if (cur === undefined) throw new Unsupported("sharedStrings: empty <si>");
        out.push(cur);
      }
    },
  });
  return out;
}
