// The pane's inflate, put by webpack in place of ../inflate-without-zlib.ts: its bundle has no zlib.
export { pakoInflateRaw as inflateWithoutZlib } from "../pako-inflate";
