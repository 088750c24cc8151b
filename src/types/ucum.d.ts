/**
 * Minimal typings for @lhncbc/ucum-lhc 7.1.10, which ships no .d.ts (docs/toolchain.md, G18).
 * Only the calls src/extract/units.ts makes are declared.
 */
declare module '@lhncbc/ucum-lhc' {
  export interface UcumConversionResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
    msg: string[];
  }
  export interface UcumValidationResult {
    status: 'valid' | 'invalid' | 'error';
    ucumCode: string | null;
    msg: string[];
  }
  export interface UcumLhcUtilsInstance {
    convertUnitTo(fromUnitCode: string, fromVal: number, toUnitCode: string, suggest?: boolean, molecularWeight?: number | null): UcumConversionResult;
    validateUnitString(uStr: string, suggest?: boolean, valConv?: string): UcumValidationResult;
  }
  export const UcumLhcUtils: { getInstance(): UcumLhcUtilsInstance };
}
