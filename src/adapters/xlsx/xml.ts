// A small, fast XML scanner for the few SpreadsheetML parts the reader needs. It reports start tags
// (name + raw attribute text), end tags and raw text; entities are decoded on demand. Constructs the
// parts never use in practice (CDATA, DOCTYPE) are refused as unsupported.
import { isXmlSpace } from "../../files/xml-chars";
import { ownText } from "../../numbers/own-text";
import { Unsupported } from "./errors";

/**
 * What scanXml reports to. For a part read once per workbook, a class (its methods live as long as the
 * module) rather than an object of arrow functions made per call. The same holds for all code run per
 * workbook (handlers, result builders, template helpers): V8 keeps optimised code only while a function
 * holding it lives, and code made per workbook was compiled again after every full garbage collection,
 * about every 130 workbooks of a review (`npm run bench:jit` reports such functions;
 * docs/performance-notes.md).
 */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw (still encoded) text between tags; decode with decodeText when needed. */
  text(raw: string): void;
}

/** The handler, once `xml` has been scanned through it. */
export function scanned<H extends XmlHandler>(xml: string, h: H): H {
  scanXml(xml, h);
  return h;
}

export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      h.text(xml.slice(i));
      return;
    }
    if (lt > i) h.text(xml.slice(i, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === 63) {
      // <? … ?>
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new Unsupported("xml: unterminated processing instruction");
      i = end + 2;
      continue;
    }
    if (c === 33) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new Unsupported("xml: unterminated comment");
        i = end + 3;
        continue;
      }
      throw new Unsupported("xml: CDATA or DOCTYPE");
    }
    let gt = xml.indexOf(">", lt + 1);
    if (gt < 0) throw new Unsupported("xml: unterminated tag");
    // A '>' inside a quoted attribute value does not end the tag.
    let q = quotesIn(xml, lt, gt);
    while (q % 2 === 1) {
      const next = xml.indexOf(">", gt + 1);
      if (next < 0) throw new Unsupported("xml: unterminated tag");
      q += quotesIn(xml, gt, next);
      gt = next;
    }
    if (c === 47) {
      h.close(xml.slice(lt + 2, gt).trimEnd());
      i = gt + 1;
      continue;
    }
    const self = xml.charCodeAt(gt - 1) === 47;
    const tagEnd = self ? gt - 1 : gt;
    let j = lt + 1;
    while (j < tagEnd) {
      const ch = xml.charCodeAt(j);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      j++;
    }
    h.open(xml.slice(lt + 1, j), j < tagEnd ? xml.slice(j, tagEnd) : "", self);
    if (self) h.close(xml.slice(lt + 1, j));
    i = gt + 1;
  }
}

function quotesIn(xml: string, from: number, to: number): number {
  let q = 0;
  let quote = 0;
  for (let k = from; k < to; k++) {
    const ch = xml.charCodeAt(k);
    if (quote) {
      if (ch === quote) {
        quote = 0;
        q++;
      }
    } else if (ch === 34 || ch === 39) {
      quote = ch;
      q++;
    }
  }
  return q;
}

/**
 * One attribute of a start tag (entity-decoded, whitespace normalised as XML requires), or undefined.
 * The tag is read whole, as an XML parser reads it (attributes()), so that a name written inside another
 * attribute's value (name="x r:id='rId9'") is never taken for the attribute; the last tag read is kept,
 * as callers ask for several attributes of one tag in a row.
 */
export function attr(attrs: string, name: string): string | undefined {
  if (!attrs) return undefined;
  if (attrs !== lastAttrs) {
    // This cache outlives the workbook: the tag as given is a view onto the whole part's text.
    const own = ownText(attrs);
    lastParsed = attributes(own);
    lastAttrs = own;
  }
  return lastParsed.get(name);
}
let lastAttrs: string | undefined;
let lastParsed = new Map<string, string>();

/**
 * Every attribute of a start tag, read as an XML parser reads them: name, "=", a quoted value, one
 * after another. A name written inside another attribute's value (tooltip="… ref='D1'") is part of that
 * value; a name that comes twice (which ExcelJS's parser refuses) or anything malformed refuses the tag.
 */
export function attributes(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  const n = attrs.length;
  const bad = () => new Unsupported("xml: attributes");
  let i = 0;
  // Scanned by character codes, as the expression /([^\s=<>"'/]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y reads
  // each one (test/xlsx-scan-helpers.test.ts holds them to it): running that expression per attribute,
  // and /\s/ per character, was most of this function's time.
  for (;;) {
    const from = i;
    while (i < n && isJsSpace(attrs.charCodeAt(i))) i++;
    if (i >= n) return out;
    if (out.size && i === from) throw bad(); // none between two attributes
    let j = i;
    while (j < n && !endsName(attrs.charCodeAt(j))) j++;
    if (j === i) throw bad();
    const name = attrs.slice(i, j);
    while (j < n && isJsSpace(attrs.charCodeAt(j))) j++;
    if (attrs.charCodeAt(j) !== 61) throw bad(); // =
    j++;
    while (j < n && isJsSpace(attrs.charCodeAt(j))) j++;
    const q = attrs.charCodeAt(j);
    if (q !== 34 && q !== 39) throw bad();
    let k = j + 1;
    while (k < n && attrs.charCodeAt(k) !== q) if (attrs.charCodeAt(k++) === 60) throw bad(); // <
    if (k >= n || out.has(name)) throw bad();
    const raw = attrs.slice(j + 1, k);
    out.set(name, decode(hasTabOrBreak(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw));
    i = k + 1;
  }
}

/** A character no attribute name holds: a space, = < > " ' or /. */
const endsName = (c: number) =>
  c === 61 || c === 60 || c === 62 || c === 34 || c === 39 || c === 47 || isJsSpace(c);

/** What \s matches in a regular expression (ECMAScript's white space and line terminators). */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const hasTabOrBreak = (s: string) => {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 9 || c === 10 || c === 13) return true;
  }
  return false;
};

export function decodeText(raw: string): string {
  return decode(raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&([^;&\s]*);?/g, (all, ent: string) => {
    if (!all.endsWith(";")) throw new Unsupported("xml: bad entity");
    const named = NAMED[ent];
    if (named !== undefined) return named;
    let code = NaN;
    if (/^#x[0-9a-fA-F]+$/.test(ent)) code = parseInt(ent.slice(2), 16);
    else if (/^#[0-9]+$/.test(ent)) code = parseInt(ent.slice(1), 10);
    if (!Number.isFinite(code) || code > 0x10ffff) throw new Unsupported(`xml: entity &${ent};`);
    return String.fromCodePoint(code);
  });
}

const FIVE: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };

/**
 * ExcelJS decodes sheet names and formula string results a second time after the XML parser has
 * (its utils.xmlDecode): "&amp;lt;" in the file reads as "<". Only the five named entities, lowercase.
 */
export function decodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => FIVE[c] ?? c);
}

/** text.startsWith(lit, at), compared in the caller's compiled code: the builtin is a call each time,
 *  which in the readers' loops (a tag or a string at a time) was a large part of their own time. */
export function startsAt(text: string, at: number, lit: string): boolean {
  for (let k = 0; k < lit.length; k++) if (text.charCodeAt(at + k) !== lit.charCodeAt(k)) return false;
  return true;
}

/** Whether text[from, to) is XML white space only (or empty). */
export function blankBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isXmlSpace(text.charCodeAt(k))) return false;
  return true;
}
