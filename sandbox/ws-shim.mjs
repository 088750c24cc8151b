// Node 20 has no global WebSocket, and @medplum/core 5.x touches it at module load
// (docs/sandbox.md §1 "Node 20 failure and fix"). The sandbox never opens a
// subscription or a socket, so a constant-only stub is enough. Import this module first.
if (typeof globalThis.WebSocket === 'undefined') {
  // The stub has only the constants, not the WebSocket interface: typed through unknown on purpose.
  globalThis.WebSocket = /** @type {typeof globalThis.WebSocket} */ (
    /** @type {unknown} */ (
      class WebSocket {
        constructor() {
          throw new Error('WebSocket is not available in the sandbox (Node 20 stub for @medplum/core).');
        }

        static CONNECTING = 0;
        static OPEN = 1;
        static CLOSING = 2;
        static CLOSED = 3;
      }
    )
  );
}
