/** Issue 12: the app refuses to run framed by an origin not in frameAncestors, even without the header. */
import { describe, expect, it } from 'vitest';
import { assertFramingAllowed, framingProblem, type FramingContext } from '../../../src/smart/framing.ts';

const SELF = 'https://app.example';
const EHR = 'https://ehr.example';
const ctx = (over: Partial<FramingContext>): FramingContext => ({
  selfOrigin: SELF,
  framed: true,
  ancestorOrigins: null,
  topOrigin: null,
  referrerOrigin: null,
  ...over,
});

describe('framingProblem', () => {
  it.each<[string, FramingContext, readonly string[], boolean]>([
    ['not framed', ctx({ framed: false }), [], true],
    ['framed by itself (ancestorOrigins)', ctx({ ancestorOrigins: [SELF] }), [], true],
    ['framed by the configured EHR', ctx({ ancestorOrigins: [EHR] }), [EHR], true],
    ['framed by an unknown origin (ancestorOrigins)', ctx({ ancestorOrigins: ['https://evil.example'] }), [EHR], false],
    ['an unknown origin further up', ctx({ ancestorOrigins: [EHR, 'https://evil.example'] }), [EHR], false],
    ['framed by a same-origin top window (no ancestorOrigins)', ctx({ topOrigin: SELF }), [], true],
    ['referrer names an unknown parent (no ancestorOrigins, cross-origin top)', ctx({ referrerOrigin: 'https://evil.example' }), [EHR], false],
    ['nothing names the parent, no frameAncestors configured', ctx({}), [], false],
    ['nothing names the parent, an EHR configured (the header decides)', ctx({}), [EHR], true],
  ])('%s', (_name, c, allowed, ok) => {
    expect(framingProblem(c, allowed) === null).toBe(ok);
  });

  it('stops with a LaunchError naming the origin', () => {
    expect(() => assertFramingAllowed([EHR], ctx({ ancestorOrigins: ['https://evil.example'] }))).toThrow(
      /framed-by-unknown-origin: .*https:\/\/evil\.example/,
    );
  });
});
