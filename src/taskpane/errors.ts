// The PaneApi throws Errors whose message is already user-facing Japanese: show it as it is.
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  return String(e);
}
