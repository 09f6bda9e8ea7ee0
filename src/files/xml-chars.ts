// The characters XML calls white space (space, tab, line feed, carriage return), by code: the same test
// for a package's bytes before they are decoded and for the decoded text the fast reader scans.

export function isXmlSpace(code: number | undefined): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
