// The Fluent theme that matches Office's: dark when Office says so (or its body colour is dark),
// light otherwise and outside Office. Only the theme object is read; nothing calls Office.js.
import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance of #rgb / #rrggbb (0 black … 1 white), or null when unreadable. */
export function luminance(colour: string | undefined): number | null {
  if (!colour) return null;
  let hex = colour.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function isDarkOfficeTheme(theme: OfficeThemeLike | undefined | null): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

/** Office.context.officeTheme when the page runs inside Office, else undefined. */
export function readOfficeTheme(): OfficeThemeLike | undefined {
  const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeLike } } }).Office;
  try {
    return office?.context?.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

export function paneTheme(officeTheme: OfficeThemeLike | undefined | null = readOfficeTheme()): Theme {
  return isDarkOfficeTheme(officeTheme) ? webDarkTheme : webLightTheme;
}
