/**
 * The Verhoeff (1969) dihedral-group check digit, used by SNOMED CT concept ids (SNOMED CT Technical
 * Implementation Guide, "Check-digit computation") and by the Luxembourg national identification number
 * (the demo fixtures' matricule). One implementation for both: the tables are easy to mistype.
 */

/** Multiplication table d(j, k) of the dihedral group D5. */
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
/** Permutation p(1); p(i) is its i-th power (built, not typed, so it cannot be mistyped). */
const P1 = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
/** @type {number[][]} */
const P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]];
for (let i = 1; i < 8; i++) P.push((P[i - 1] ?? []).map((x) => P1[x] ?? 0));
/** Inverses in D5. */
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/**
 * The running Verhoeff checksum over ASCII digits, rightmost first, starting at permutation power `offset`.
 * @param {string} digits
 * @param {number} offset
 */
function checksum(digits, offset) {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = D[c]?.[P[(i + offset) % 8]?.[Number(digits[digits.length - 1 - i])] ?? 0] ?? 0;
  return c;
}

/**
 * The check digit to append to `digits`.
 * @param {string} digits ASCII digits only
 * @returns {string}
 */
export function verhoeffDigit(digits) {
  return String(INV[checksum(digits, 1)]);
}

/**
 * True when the digits carry a valid Verhoeff check digit (the last one).
 * @param {string} digits
 * @returns {boolean}
 */
export function verhoeffValid(digits) {
  return /^\d+$/.test(digits) && checksum(digits, 0) === 0;
}
