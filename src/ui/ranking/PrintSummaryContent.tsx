import { Box, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import type { PreparedRecord, Ranking } from '../../pipeline/index.ts';
import { buildChecklist, isChecklistFlag, TOPIC_OF_RULE, type ChecklistItem } from '../../rules/checklist.ts';
import { assessCurrentTherapy } from '../../rules/currentTherapy.ts';
import { drugHistories } from '../../rules/history.ts';
import { durationParts } from '../decision/format.ts';
import { formatFhirDate } from '../format.ts';
import { translateSpecText } from '../i18n/clinical.ts';
import { percent } from './format.ts';
import { decisiveFlags, isOpenCheck, printableIdentifiers, type RecordedDecision } from './printSummary.ts';
import { groupByTier } from './tiers.ts';
import { useSummaryTexts } from './useSummaryTexts.ts';
import { dateTimeFormat } from '../intl.ts';

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" data-testid={`print-${id}`} sx={{ mt: 1.5 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, borderBottom: 1, borderColor: 'grey.400' }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

const Line = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <Typography variant="body2" data-testid={testId}>
    {children}
  </Typography>
);

/** The summary's text (see PrintSummary): every part in plain words in the UI language. */
export function PrintSummaryContent({
  recommendation: r,
  record,
  now,
  patient,
  decision,
  user,
  printedAt,
}: {
  recommendation: Ranking;
  record: PreparedRecord;
  now: Date;
  patient: Patient | undefined;
  decision: RecordedDecision | null;
  user: string | null;
  printedAt: Date;
}) {
  const { t, lang, clinical, drugLabel, inputLabel, safetyText, historyLine, responseText, reasonText } = useSummaryTexts();
  const spec = r.spec;
  const histories = useMemo(
    () =>
      drugHistories(
        r.options.map((o) => o.drug),
        record.episodes,
        r.indication,
      ),
    [r.options, record.episodes, r.indication],
  );
  const groups = useMemo(
    () =>
      groupByTier(
        r.options,
        new Set(
          Object.values(histories)
            .filter((h) => h.demoted)
            .map((h) => h.drug),
        ),
      ),
    [r.options, histories],
  );
  const checklist = useMemo(() => {
    // As on screen (DecisionOptions): screening is for drugs that may be started.
    const starts = r.options.filter((o) => !o.current && o.worst !== 'contraindicated');
    return buildChecklist(
      Object.fromEntries(starts.map((o) => [o.drug, o.flags])),
      starts.map((o) => o.drug),
    );
  }, [r.options]);
  const assessment = useMemo(() => assessCurrentTherapy(record, now), [record, now]);
  const dateTime = (d: Date) => dateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(d);
  const endpoint = translateSpecText(spec.outputs.endpoint, clinical);
  const horizon = translateSpecText(spec.outputs.horizon, clinical);
  const ids = printableIdentifiers(patient?.identifier, clinical);
  const born = formatFhirDate(record.patient.birthDate, lang);
  const userText = user ?? t('ranking.print.userUnknown');
  const current = assessment.current;
  const currentOption = r.options.find((o) => o.current);
  const currentFindings = (currentOption?.flags ?? []).filter((f) => !isChecklistFlag(f));
  const open = checklist.filter(isOpenCheck);
  const checkName = (item: ChecklistItem): string => {
    if (item.topic) return t(`decision.checklist.topic.${item.topic}`);
    return item.flags[0] ? safetyText(item.flags[0]) : item.key;
  };
  const checkStatus = (item: ChecklistItem): string => {
    const date = formatFhirDate(item.lastDate, lang);
    return date ? `${t('decision.checklist.last', { date })} (${t('decision.checklist.stale')})` : t('decision.checklist.notInRecord');
  };
  let currentLine = t('ranking.print.noCurrent');
  if (current) {
    const start = formatFhirDate(current.start, lang);
    const p = current.months === null ? null : durationParts(current.months);
    let duration = '';
    if (p) duration = p.years === 0 ? t('decision.question.months', { count: p.months }) : t('decision.question.years', p);
    currentLine = start
      ? `${t('ranking.print.currentSince', { drug: drugLabel(current.drug), start })}${duration ? ` (${duration})` : ''}`
      : t('ranking.print.currentNoStart', { drug: drugLabel(current.drug) });
  }
  return (
    <>
      <Typography variant="h6" component="h1">
        {t('ranking.print.title')}
      </Typography>
      <Line testId="print-patient">
        <strong>{t('ranking.print.patient')}:</strong> {record.patient.name ?? t('ranking.print.noName')} ·{' '}
        {born ? t('ranking.print.born', { date: born }) : t('ranking.print.noBirthDate')} ·{' '}
        {ids.length > 0 ? ids.map((id) => `${id.label}: ${id.value}`).join(' · ') : t('ranking.print.noIdentifier')}
      </Line>
      <Line testId="print-printed">
        {t('ranking.print.printed', { date: dateTime(printedAt) })} · {t('ranking.print.signedIn', { user: userText })}
      </Line>
      <Line testId="print-model">
        {t('ranking.print.model', {
          name: t('ranking.print.modelName', { indication: t(`indications.${r.indication}`), endpoint }),
          version: spec.modelVersion,
        })}
      </Line>
      <Part id="meaning" title={t('ranking.print.meaningTitle')}>
        <Line>{t('ranking.print.meaning', { endpoint, horizon })}</Line>
        <Line>{t('ranking.print.simulated')}</Line>
        {r.overridden.length > 0 && (
          <Line testId="print-hypothetical">
            <strong>{t('ranking.hypothetical', { inputs: r.overridden.map(inputLabel).join(', ') })}</strong>
          </Line>
        )}
      </Part>
      <Part id="current" title={t('ranking.print.currentTitle')}>
        <Line>{currentLine}</Line>
        {current && (
          <>
            <Line>{t('ranking.print.status', { status: t(`decision.question.status.${assessment.status}`) })}</Line>
            <Line>{responseText(assessment)}</Line>
            {currentOption && (
              <Line>
                {t('decision.continue.model', {
                  p: percent(currentOption.probability, lang),
                  lower: percent(currentOption.lower, lang),
                  upper: percent(currentOption.upper, lang),
                })}
              </Line>
            )}
            {currentFindings.length > 0 && (
              <Line>{t('ranking.print.currentFindings', { drug: drugLabel(current.drug), findings: currentFindings.map(safetyText).join('; ') })}</Line>
            )}
          </>
        )}
        <Line>
          {assessment.reasons.length > 0
            ? t('ranking.print.reasons', { reasons: assessment.reasons.map(reasonText).join('; ') })
            : t('ranking.print.noReasons')}
        </Line>
      </Part>
      {Object.keys(r.currentMedicationFlags).length > 0 && (
        <Part id="current-meds" title={t('ranking.print.currentMedsTitle')}>
          <ul>
            {Object.entries(r.currentMedicationFlags).map(([drug, flags]) => (
              <li key={drug}>
                {drugLabel(drug)}: {flags.map(safetyText).join('; ')}
              </li>
            ))}
          </ul>
        </Part>
      )}
      <Part id="checklist" title={t('ranking.print.checklistTitle')}>
        {open.length === 0 ? (
          <Line>{t('ranking.print.checklistNone')}</Line>
        ) : (
          <ul>
            {open.map((item) => (
              <li key={item.key}>
                {t('ranking.print.checklistItem', { check: checkName(item), status: checkStatus(item), drugs: item.drugs.map(drugLabel).join(', ') })}
              </li>
            ))}
          </ul>
        )}
        {checklist.length > open.length && <Line>{t('ranking.print.checklistDone', { count: checklist.length - open.length })}</Line>}
      </Part>
      <Part id="options" title={t('ranking.print.optionsTitle')}>
        {groups.map((g) => (
          <Box key={g.tier} data-testid="print-tier" data-tier={g.tier}>
            <Typography variant="body2" component="h3" sx={{ fontWeight: 700, mt: 1 }}>
              {t(`decision.tiers.${g.tier}`)}
            </Typography>
            <Box component="ul" sx={{ my: 0 }}>
              {g.options.map(({ option: o, position }) => {
                const decisive = decisiveFlags(o.flags);
                const topics = [...new Set(o.flags.filter(isChecklistFlag).flatMap((f) => TOPIC_OF_RULE[f.ruleId] ?? []))];
                const headline = histories[o.drug]?.headline;
                const history = headline ? historyLine(headline) : null;
                return (
                  <li key={o.drug} data-testid="print-option" data-drug={o.drug}>
                    {t('ranking.print.option', {
                      position,
                      drug: drugLabel(o.drug),
                      p: percent(o.probability, lang),
                      lower: percent(o.lower, lang),
                      upper: percent(o.upper, lang),
                    })}
                    <br />
                    {decisive.length > 0 && t('ranking.print.decisive', { reason: decisive.map(safetyText).join('; ') })}
                    {decisive.length === 0 &&
                      topics.length > 0 &&
                      t('ranking.print.screeningOnly', { topics: topics.map((x) => t(`decision.checklist.topic.${x}`)).join(', ') })}
                    {decisive.length === 0 && topics.length === 0 && t('ranking.noFlags')}
                    {history && (
                      <>
                        <br />
                        {t('ranking.print.history', { history })}
                      </>
                    )}
                  </li>
                );
              })}
            </Box>
          </Box>
        ))}
      </Part>
      <Part id="missing" title={t('ranking.print.missingTitle')}>
        <Line>
          {r.excluded.length === 0
            ? t('ranking.print.missingNone')
            : r.excluded.map((e) => t('ranking.print.missingItem', { input: inputLabel(e.input), state: t(`ranking.gaps.states.${e.state}`) })).join(' · ')}
        </Line>
      </Part>
      <Part id="decision" title={t('ranking.print.decisionTitle')}>
        {decision ? (
          <>
            <Line>
              {t('ranking.print.decisionRecorded', {
                drug: drugLabel(decision.drug),
                user: decision.user ?? t('ranking.print.userUnknown'),
                date: dateTime(decision.at),
              })}
            </Line>
            {decision.reason.trim() !== '' && <Line>{t('ranking.print.decisionReason', { reason: decision.reason.trim() })}</Line>}
            <Line>{t('ranking.decision.decisionId', { id: decision.decisionId })}</Line>
          </>
        ) : (
          <>
            <Line>{t('ranking.print.decisionNotRecorded')}</Line>
            <Typography variant="body2" sx={{ mt: 2, whiteSpace: 'pre' }}>
              {t('ranking.print.decisionWrite')}
            </Typography>
          </>
        )}
      </Part>
      <Typography variant="caption" component="p" sx={{ mt: 2 }}>
        {t('ranking.print.disclaimer')}
      </Typography>
    </>
  );
}
