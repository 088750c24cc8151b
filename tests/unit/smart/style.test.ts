// The EHR's smart_style_url: parsed field by field, fetched only from the FHIR server's origin, and
// applied by the theme only where the text stays readable (WCAG AA 4.5:1).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchSmartStyle, parseSmartStyle } from '@src/smart/style.ts';
import { contrastRatio, theme, themeWithStyle } from '@src/app/theme.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

const EHR_STYLE = {
  color_background: '#f5f7fa',
  color_error: '#b00020',
  color_highlight: '#f3a712',
  color_modal_backdrop: '',
  color_success: '#2e7d32',
  color_text: '#1a1a1a',
  dim_border_radius: '4px',
  dim_font_size: '16px',
  dim_spacing_size: '8px',
  font_family_body: 'Georgia, serif',
  font_family_heading: '"Trebuchet MS", sans-serif',
};

describe('parseSmartStyle', () => {
  it('reads the SMART style fields', () => {
    expect(parseSmartStyle(EHR_STYLE)).toEqual({
      colorBackground: '#f5f7fa',
      colorError: '#b00020',
      colorHighlight: '#f3a712',
      colorSuccess: '#2e7d32',
      colorText: '#1a1a1a',
      borderRadius: 4,
      fontSize: 16,
      spacing: 8,
      fontFamilyBody: 'Georgia, serif',
      fontFamilyHeading: '"Trebuchet MS", sans-serif',
    });
  });

  it('drops anything that is not a plain colour, px length or font list (no CSS injection)', () => {
    expect(
      parseSmartStyle({
        color_background: 'red; background: url(https://evil.example/x)',
        color_text: 'rgb(0,0,0)',
        color_error: '#12345',
        dim_border_radius: '2em',
        dim_font_size: '900px',
        font_family_body: 'Arial; } body { display: none',
        font_family_heading: 'url(https://evil.example/font)',
        constructor: '#000000',
      }),
    ).toEqual({});
    expect(parseSmartStyle(null)).toEqual({});
    expect(parseSmartStyle(['#fff'])).toEqual({});
  });
});

describe('fetchSmartStyle', () => {
  it('fetches from the FHIR server origin without credentials or redirects', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(EHR_STYLE), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const style = await fetchSmartStyle('https://ehr.example/smart-style.json', 'https://ehr.example/fhir');
    expect(style?.colorText).toBe('#1a1a1a');
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('omit');
    expect(init?.redirect).toBe('error');
  });

  it('another origin, credentials in the URL, an HTTP error or bad JSON: the app keeps its own style', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response('not json', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await fetchSmartStyle('https://styles.example/s.json', 'https://ehr.example/fhir')).toBeNull();
    expect(await fetchSmartStyle('https://u:p@ehr.example/s.json', 'https://ehr.example/fhir')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await fetchSmartStyle('https://ehr.example/s.json', 'https://ehr.example/fhir')).toBeNull();
    fetchMock.mockResolvedValueOnce(new Response('{}', { status: 404 }));
    expect(await fetchSmartStyle('https://ehr.example/s.json', 'https://ehr.example/fhir')).toBeNull();
    expect(await fetchSmartStyle(undefined, 'https://ehr.example/fhir')).toBeNull();
  });
});

describe('themeWithStyle', () => {
  it('contrast ratio: black on white is 21, equal colours 1', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('applies a readable EHR style: background, text, status colours, fonts, radius', () => {
    const t = themeWithStyle(parseSmartStyle(EHR_STYLE));
    expect(t.palette.background.default).toBe('#f5f7fa');
    expect(t.palette.text.primary).toBe('#1a1a1a');
    expect(t.palette.error.main).toBe('#b00020');
    expect(t.palette.success.main).toBe('#2e7d32');
    expect(t.typography.fontFamily).toBe('Georgia, serif');
    expect(t.typography.h2.fontFamily).toBe('"Trebuchet MS", sans-serif');
    expect(t.shape.borderRadius).toBe(4);
    // the highlight colour carries no contrast guarantee: not used
    expect(JSON.stringify(t.palette)).not.toContain('#f3a712');
  });

  it('keeps its own colours where the EHR style would make text unreadable', () => {
    const t = themeWithStyle(parseSmartStyle({ color_background: '#777777', color_text: '#888888', color_error: '#ff8a80', color_success: '#a5d6a7' }));
    expect(t.palette.background.default).toBe(theme.palette.background.default);
    expect(t.palette.text.primary).toBe(theme.palette.text.primary);
    expect(t.palette.error.main).toBe(theme.palette.error.main);
    expect(t.palette.success.main).toBe(theme.palette.success.main);
    expect(themeWithStyle(null)).toBe(theme);
  });
});
