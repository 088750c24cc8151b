// Stand-in for isomorphic-webcrypto, which fhirclient requires only as a fallback when
// globalThis.crypto is missing. Every browser we support and Node 20 have Web Crypto, and the
// real package drags in ~480 Expo/React Native packages (docs/toolchain.md, G2).
module.exports = { default: globalThis.crypto };
