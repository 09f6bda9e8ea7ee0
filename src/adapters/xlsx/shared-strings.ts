// sharedStrings.xml: plain strings (with _xHHHH_ escapes decoded) or rich text runs, as ExcelJS reads them.
import { Unsupported } from "./errors";
import { decodeText, scanXml } from "./xml";

export type SharedString = string | { richText: { text: string | undefined }[] };

export function unescapeX(s: string): string {
  return s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function parseSharedStrings(xml: string): SharedString[] {
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
