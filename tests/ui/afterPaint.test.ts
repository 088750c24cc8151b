// afterPaint: the callback runs after the frame (requestAnimationFrame, then a new task), never in the
// same task; cancelling before the frame stops it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '@src/ui/afterPaint.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('afterPaint', () => {
  it('waits for the animation frame and then a new task', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const calls: string[] = [];
    afterPaint(() => calls.push('after paint'));
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toEqual([]); // no frame yet: not run, even after other tasks
    frames.shift()?.(0);
    expect(calls).toEqual([]); // not inside the frame callback (before the paint)
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toEqual(['after paint']);
  });

  it('cancelled before the frame: never runs', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => frames.splice(0));
    const fn = vi.fn<() => void>();
    afterPaint(fn)();
    frames.shift()?.(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(fn).not.toHaveBeenCalled();
  });

  it('without requestAnimationFrame it falls back to a timer', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const fn = vi.fn<() => void>();
    afterPaint(fn);
    expect(fn).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 5));
    expect(fn).toHaveBeenCalledOnce();
  });
});
