import { useTranslation } from 'react-i18next';
import type { Reason } from '../../extract/reasons.ts';
import { toClinicalLanguage } from '../i18n/inputs.ts';
import { reasonSegments } from '../i18n/reasons.ts';

/**
 * An extractor reason, note or problem in the clinician's language (src/ui/i18n/reasons.ts). Words taken
 * from the record are kept as written and marked `translate="no"`. Without a typed reason (`why`) the
 * extractor's English sentence is shown, marked as English (`lang="en"`), rather than nothing.
 */
export function ReasonText({ why, text }: { why: Reason | undefined; text: string | undefined }) {
  const { i18n } = useTranslation();
  const lang = toClinicalLanguage(i18n.language);
  if (!why) return text ? <span lang="en">{text}</span> : null;
  return (
    <>
      {reasonSegments(why, lang).map((s, i) =>
        s.verbatim ? (
          <span key={i} translate="no">
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
