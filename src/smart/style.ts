/**
 * The EHR's suggested styling (SMART App Launch 2.x, "Styling": the token response's
 * `smart_style_url` names a JSON document of colours, dimensions and fonts for embedded apps).
 * Fetched once per launch, only from the FHIR server's origin (the one origin besides the app that
 * the Content-Security-Policy's connect-src allows and the launch already trusts), without
 * credentials or redirects, and parsed field by field: a value that is not a plain colour, length or
 * font list is dropped, so a hostile or broken style document can neither inject CSS nor break the
 * page. Which values are then used (and whether they keep the text readable) is decided by the
 * theme (src/app/theme.ts).
 */
import { z } from 'zod';

/** The style fields the app understands, each only if it parsed. */
export interface SmartStyle {
  colorBackground?: string;
  colorError?: string;
  colorHighlight?: string;
  colorSuccess?: string;
  colorText?: string;
  /** px */
  borderRadius?: number;
  /** px */
  fontSize?: number;
  /** px */
  spacing?: number;
  fontFamilyBody?: string;
  fontFamilyHeading?: string;
}

const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/);
/** A CSS length in px (or a bare number), 0-64: other units are not resolved here. */
const px = z
  .string()
  .regex(/^\d{1,2}(?:\.\d+)?(?:px)?$/)
  .transform((v) => Number.parseFloat(v))
  .refine((v) => v <= 64);
/** A font-family list: names, quotes, commas, spaces and hyphens only (no url(), no ';', no braces). */
const fonts = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9 ,"'-]+$/);

const FIELDS = {
  color_background: ['colorBackground', colour],
  color_error: ['colorError', colour],
  color_highlight: ['colorHighlight', colour],
  color_success: ['colorSuccess', colour],
  color_text: ['colorText', colour],
  dim_border_radius: ['borderRadius', px],
  dim_font_size: ['fontSize', px],
  dim_spacing_size: ['spacing', px],
  font_family_body: ['fontFamilyBody', fonts],
  font_family_heading: ['fontFamilyHeading', fonts],
} as const;

/** Parses a style document: every field that is valid, nothing else (unknown fields ignored). */
export function parseSmartStyle(json: unknown): SmartStyle {
  const out: Record<string, string | number> = {};
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  for (const [field, [name, schema]] of Object.entries(FIELDS)) {
    if (!Object.hasOwn(json, field)) continue;
    const r = schema.safeParse((json as Record<string, unknown>)[field]);
    if (r.success) out[name] = r.data;
  }
  return out;
}

/**
 * Fetches and parses the style document. Returns null (the app's own style) when there is no URL,
 * the URL is not on the FHIR server's origin, or the fetch or JSON fails: styling is never a reason
 * for the launch to fail.
 */
export async function fetchSmartStyle(styleUrl: string | undefined, fhirBaseUrl: string): Promise<SmartStyle | null> {
  if (!styleUrl) return null;
  let url: URL;
  try {
    url = new URL(styleUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(fhirBaseUrl).origin || url.username || url.password) return null;
  try {
    const res = await fetch(url.href, { credentials: 'omit', redirect: 'error', headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    return parseSmartStyle(await res.json());
  } catch {
    return null;
  }
}
