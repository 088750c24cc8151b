import { createTheme, type Theme, type ThemeOptions } from '@mui/material/styles';
import type { SmartStyle } from '../smart/index.ts';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Sober clinical theme; contrast kept at WCAG AA for text on every surface. */
const BASE: ThemeOptions = {
  // Status colours darkened from MUI's defaults so white chip text keeps a WCAG AA contrast of at
  // least 4.5:1 (MUI's warning orange #ed6c02 gives 3.1:1).
  palette: {
    primary: { main: '#1f4e79' },
    secondary: { main: '#6a1b9a' },
    warning: { main: '#a34a00' },
    info: { main: '#0b5c9e' },
    success: { main: '#1b5e20' },
    error: { main: '#b71c1c' },
  },
  typography: { fontFamily: FONT },
};

export const theme = createTheme(BASE);

/** WCAG 2.2 relative luminance of a #rgb/#rrggbb colour (success criterion 1.4.3, "relative luminance"). */
function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.slice(1).replace(/./g, '$&$&') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG 2.2 contrast ratio of two colours (1-21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** WCAG 2.2 AA for normal text. */
const AA = 4.5;
const WHITE = '#ffffff';

/**
 * The app's theme with the EHR's suggested style (src/smart/style.ts) applied where it keeps the
 * page readable: background and text only as a pair with at least 4.5:1 contrast (and the text also
 * on white paper); error and success colours only if white text on them and they as text on the
 * background keep 4.5:1 (they colour chips with white text and status text); font families; border
 * radius; base font size within 12-20 px. The highlight colour is not used: it carries no text
 * contrast guarantee. Everything else stays the app's own.
 */
export function themeWithStyle(style: SmartStyle | null): Theme {
  if (!style) return theme;
  const palette: NonNullable<ThemeOptions['palette']> = { ...BASE.palette };
  const background =
    style.colorBackground && style.colorText && contrastRatio(style.colorBackground, style.colorText) >= AA ? style.colorBackground : undefined;
  const text = background && style.colorText && contrastRatio(style.colorText, WHITE) >= AA ? style.colorText : undefined;
  const page = text ? background : undefined;
  if (page && text) {
    palette.background = { default: page };
    palette.text = { primary: text };
  }
  const onPage = page ?? WHITE;
  for (const [key, value] of [
    ['error', style.colorError],
    ['success', style.colorSuccess],
  ] as const) {
    if (value && contrastRatio(value, WHITE) >= AA && contrastRatio(value, onPage) >= AA) palette[key] = { main: value };
  }
  const typography: NonNullable<ThemeOptions['typography']> = { fontFamily: style.fontFamilyBody ?? FONT };
  if (style.fontFamilyHeading) for (const h of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const) typography[h] = { fontFamily: style.fontFamilyHeading };
  if (style.fontSize !== undefined && style.fontSize >= 12 && style.fontSize <= 20) typography.fontSize = (14 * style.fontSize) / 16;
  return createTheme({
    ...BASE,
    palette,
    typography,
    ...(style.borderRadius !== undefined ? { shape: { borderRadius: style.borderRadius } } : {}),
  });
}
