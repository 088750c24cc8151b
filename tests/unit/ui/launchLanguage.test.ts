// The launch URL's lang survives the authorization redirect, and the explicit choice still wins.
import { beforeEach, describe, expect, it } from 'vitest';
import { pickLanguage } from '@src/ui/i18n/index.ts';
import { launchLanguage, rememberLaunchLanguage } from '@src/ui/i18n/launchLanguage.ts';

/** A minimal sessionStorage for the unit project (node environment). */
class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string): string | null {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.m.set(k, v);
  }
}

beforeEach(() => {
  Object.defineProperty(globalThis, 'sessionStorage', { value: new MemoryStorage(), configurable: true });
});

describe('the language of the launch URL', () => {
  it('is kept by the launch page and chosen after the redirect (code and state only)', () => {
    rememberLaunchLanguage('?iss=https%3A%2F%2Fehr.example%2Ffhir&launch=abc&lang=de-CH');
    expect(launchLanguage()).toBe('de');
    expect(pickLanguage('?code=x&state=y', null, ['en-US'], launchLanguage())).toBe('de');
  });

  it('an explicit choice in the session and the page URL come first; an unknown one falls through to the browser', () => {
    expect(pickLanguage('?code=x', 'fr', ['en-US'], 'de')).toBe('fr');
    expect(pickLanguage('?lang=fr', null, ['en-US'], 'de')).toBe('fr');
    rememberLaunchLanguage('?launch=abc&lang=it');
    expect(pickLanguage('?code=x', null, ['fr-FR'], launchLanguage())).toBe('fr');
  });

  it('garbage is not stored, and no lang leaves the browser choice', () => {
    rememberLaunchLanguage('?lang=%3Cscript%3E');
    expect(launchLanguage()).toBeNull();
    rememberLaunchLanguage('?launch=abc');
    expect(launchLanguage()).toBeNull();
    expect(pickLanguage('?code=x', null, ['de-DE'], null)).toBe('de');
  });
});
