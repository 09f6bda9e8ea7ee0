export { XlsxReader } from "./reader";
export { Unsupported } from "./errors";
