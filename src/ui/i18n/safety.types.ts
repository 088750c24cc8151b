/** The shape of the safety flags' texts in one language: every rule and every variant (src/rules/safety/messages.ts). */
import type { RuleId } from '../../rules/safety/types.ts';

/** Rule-specific variants beyond `triggered`/`unknown` (rules.ts); a test keeps this equal to messages.ts. */
interface ExtraVariants {
  'anti-tnf-hf-severe': 'class-unknown';
  'anti-tnf-hf-mild': 'class-unknown';
  'etanercept-hf': 'class-unknown';
  's1p-heart-failure': 'class-unknown';
  'rituximab-hf-severe': 'class-unknown';
  'hbv-hbsag': 'chronic';
  'anti-cd20-hbsag': 'chronic';
  'chronic-infection-active': 'hcv';
  'anti-tnf-malignancy-history': 'lymphoma';
  'natalizumab-pml-high': 'prior-immunosuppressant';
  'hbv-anti-hbc': 'anti-cd20';
  'jak-smoking': 'former';
  'natalizumab-jcv': 'index-low' | 'index-intermediate' | 'index-high';
  'live-vaccine-recent': 'undated';
}
type VariantsOf<R extends RuleId> = 'triggered' | 'unknown' | (R extends keyof ExtraVariants ? ExtraVariants[R] : never);
/** Every rule and every variant, with `{param}` placeholders as in messages.ts. */
export type SafetyTexts = { readonly [R in RuleId]: Readonly<Record<VariantsOf<R>, string>> };
