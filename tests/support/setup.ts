import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
});

// recharts' ResponsiveContainer needs a ResizeObserver, which jsdom lacks (docs/toolchain.md G19): one
// inert stand-in for every UI test (assigned, not stubbed, so a test's vi.unstubAllGlobals keeps it).
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
