/**
 * Cached Intl formatters. Creating an Intl.DateTimeFormat or NumberFormat costs far more than using
 * one (locale negotiation, pattern data): on the first screen the app formatted a few hundred dates
 * and numbers, one new formatter each, 30-40 ms of the main thread in the profile of a warm launch
 * (issue 15). One formatter per locale and options, kept for the page's life (a few dozen at most:
 * three languages, a fixed set of option objects in the code).
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** `new Intl.DateTimeFormat(locale, options)`, created once per locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** `new Intl.NumberFormat(locale, options)`, created once per locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** `new Intl.ListFormat(locale, options)`, created once per locale and options. */
export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  return cached('list', locale, options, () => new Intl.ListFormat(locale, options));
}
