/**
 * The decision summary as plain text, for the DocumentReference written by "Record this decision"
 * (src/writeback/decisionDocument.ts): the same parts and the same wording as the print summary
 * (PrintSummaryContent.tsx, strings ranking.print.*), in the clinician's language, with the decision
 * filled in. Pure: the caller passes the translation function and the label functions the print
 * summary's hooks give (useDecisionSummaryText.ts), so tests run it with a fixed i18n instance.
 */
import type { Patient } from 'fhir/r4';
import type { TFunction } from 'i18next';
import type { PreparedRecord, Ranking } from '../../pipeline/index.ts';
import { buildChecklist, isChecklistFlag, TOPIC_OF_RULE, type ChecklistItem } from '../../rules/checklist.ts';
import { assessCurrentTherapy, type CurrentTherapyAssessment, type SwitchReason } from '../../rules/currentTherapy.ts';
import { drugHistories, type HistoryNote } from '../../rules/history.ts';
import type { SafetyFlag } from '../../rules/safety/types.ts';
import { durationParts } from '../decision/format.ts';
import { formatFhirDate } from '../format.ts';
import { translateSpecText } from '../i18n/clinical.ts';
import type { ClinicalLanguage } from '../i18n/inputs.ts';
import { percent } from './format.ts';
import { decisiveFlags, isOpenCheck, printableIdentifiers, type RecordedDecision } from './printSummary.ts';
import { groupByTier } from './tiers.ts';
import { dateTimeFormat } from '../intl.ts';

/** The translation and label functions of the UI language (the print summary's hooks). */
export interface SummaryTexts {
  t: TFunction;
  /** The UI language tag (dates and numbers). */
  lang: string;
  clinical: ClinicalLanguage;
  drugLabel: (inn: string) => string;
  inputLabel: (name: string) => string;
  safetyText: (flag: SafetyFlag) => string;
  historyLine: (note: HistoryNote) => string | null;
  responseText: (assessment: CurrentTherapyAssessment) => string;
  reasonText: (reason: SwitchReason) => string;
}

export interface SummaryData {
  ranking: Ranking;
  record: PreparedRecord;
  now: Date;
  patient?: Patient | undefined;
  /** The decision being recorded (its time is the document's). */
  decision: RecordedDecision;
  /** `Encounter/<id>` of the launch, when the EHR gave one. */
  encounterRef?: string | undefined;
}

/** A heading underlined, as plain text. */
const heading = (title: string, mark: '=' | '-'): string[] => [title, mark.repeat(Math.min(72, title.length))];

/** The summary text; sections separated by a blank line, lists with "- ". */
export function decisionSummaryText(data: SummaryData, x: SummaryTexts): string {
  const { ranking: r, record, now, patient, decision } = data;
  const { t, lang, clinical } = x;
  const spec = r.spec;
  const histories = drugHistories(
    r.options.map((o) => o.drug),
    record.episodes,
    r.indication,
  );
  const groups = groupByTier(r.options, new Set(Object.values(histories).flatMap((h) => (h.demoted ? [h.drug] : []))));
  // As on screen (DecisionOptions) and on paper: screening is for drugs that may be started.
  const starts = r.options.filter((o) => !o.current && o.worst !== 'contraindicated');
  const checklist = buildChecklist(
    Object.fromEntries(starts.map((o) => [o.drug, o.flags])),
    starts.map((o) => o.drug),
  );
  const assessment = assessCurrentTherapy(record, now);
  const dateTime = (d: Date) => dateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(d);
  const endpoint = translateSpecText(spec.outputs.endpoint, clinical);
  const horizon = translateSpecText(spec.outputs.horizon, clinical);
  const ids = printableIdentifiers(patient?.identifier, clinical);
  const born = formatFhirDate(record.patient.birthDate, lang);
  const user = decision.user ?? t('ranking.print.userUnknown');
  const out: string[] = [...heading(t('ranking.print.title'), '=')];
  out.push(
    `${t('ranking.print.patient')}: ${record.patient.name ?? t('ranking.print.noName')} · ${born ? t('ranking.print.born', { date: born }) : t('ranking.print.noBirthDate')} · ${
      ids.length > 0 ? ids.map((id) => `${id.label}: ${id.value}`).join(' · ') : t('ranking.print.noIdentifier')
    }`,
    `${t('ranking.print.recorded', { date: dateTime(decision.at) })} · ${t('ranking.print.signedIn', { user })}`,
    t('ranking.print.model', { name: t('ranking.print.modelName', { indication: t(`indications.${r.indication}`), endpoint }), version: spec.modelVersion }),
  );
  if (data.encounterRef) out.push(t('ranking.print.encounter', { id: data.encounterRef.replace(/^Encounter\//, '') }));
  const part = (title: string, lines: readonly string[]) => out.push('', ...heading(title, '-'), ...lines);

  part(t('ranking.print.meaningTitle'), [
    t('ranking.print.meaning', { endpoint, horizon }),
    t('ranking.print.simulated'),
    ...(r.overridden.length > 0 ? [t('ranking.hypothetical', { inputs: r.overridden.map(x.inputLabel).join(', ') })] : []),
  ]);

  const current = assessment.current;
  const currentOption = r.options.find((o) => o.current);
  const currentFindings = (currentOption?.flags ?? []).filter((f) => !isChecklistFlag(f));
  const currentLines: string[] = [];
  if (!current) currentLines.push(t('ranking.print.noCurrent'));
  else {
    const start = formatFhirDate(current.start, lang);
    const p = current.months === null ? null : durationParts(current.months);
    let duration = '';
    if (p) duration = p.years === 0 ? t('decision.question.months', { count: p.months }) : t('decision.question.years', p);
    currentLines.push(
      start
        ? `${t('ranking.print.currentSince', { drug: x.drugLabel(current.drug), start })}${duration ? ` (${duration})` : ''}`
        : t('ranking.print.currentNoStart', { drug: x.drugLabel(current.drug) }),
      t('ranking.print.status', { status: t(`decision.question.status.${assessment.status}`) }),
      x.responseText(assessment),
    );
    if (currentOption)
      currentLines.push(
        t('decision.continue.model', {
          p: percent(currentOption.probability, lang),
          lower: percent(currentOption.lower, lang),
          upper: percent(currentOption.upper, lang),
        }),
      );
    if (currentFindings.length > 0)
      currentLines.push(t('ranking.print.currentFindings', { drug: x.drugLabel(current.drug), findings: currentFindings.map(x.safetyText).join('; ') }));
  }
  currentLines.push(
    assessment.reasons.length > 0 ? t('ranking.print.reasons', { reasons: assessment.reasons.map(x.reasonText).join('; ') }) : t('ranking.print.noReasons'),
  );
  part(t('ranking.print.currentTitle'), currentLines);

  const meds = Object.entries(r.currentMedicationFlags);
  if (meds.length > 0)
    part(
      t('ranking.print.currentMedsTitle'),
      meds.map(([drug, flags]) => `- ${x.drugLabel(drug)}: ${flags.map(x.safetyText).join('; ')}`),
    );

  const open = checklist.filter(isOpenCheck);
  const checkName = (item: ChecklistItem): string => {
    if (item.topic) return t(`decision.checklist.topic.${item.topic}`);
    return item.flags[0] ? x.safetyText(item.flags[0]) : item.key;
  };
  const checkStatus = (item: ChecklistItem): string => {
    const date = formatFhirDate(item.lastDate, lang);
    return date ? `${t('decision.checklist.last', { date })} (${t('decision.checklist.stale')})` : t('decision.checklist.notInRecord');
  };
  part(t('ranking.print.checklistTitle'), [
    ...(open.length === 0
      ? [t('ranking.print.checklistNone')]
      : open.map(
          (item) =>
            `- ${t('ranking.print.checklistItem', { check: checkName(item), status: checkStatus(item), drugs: item.drugs.map(x.drugLabel).join(', ') })}`,
        )),
    ...(checklist.length > open.length ? [t('ranking.print.checklistDone', { count: checklist.length - open.length })] : []),
  ]);

  const optionLines: string[] = [];
  for (const g of groups) {
    optionLines.push(`${t(`decision.tiers.${g.tier}`)}:`);
    for (const { option: o, position } of g.options) {
      const decisive = decisiveFlags(o.flags);
      const topics = [...new Set(o.flags.filter(isChecklistFlag).flatMap((f) => TOPIC_OF_RULE[f.ruleId] ?? []))];
      const headline = histories[o.drug]?.headline;
      const history = headline ? x.historyLine(headline) : null;
      let safety = t('ranking.noFlags');
      if (decisive.length > 0) safety = t('ranking.print.decisive', { reason: decisive.map(x.safetyText).join('; ') });
      else if (topics.length > 0) safety = t('ranking.print.screeningOnly', { topics: topics.map((k) => t(`decision.checklist.topic.${k}`)).join(', ') });
      optionLines.push(
        `- ${t('ranking.print.option', { position, drug: x.drugLabel(o.drug), p: percent(o.probability, lang), lower: percent(o.lower, lang), upper: percent(o.upper, lang) })}`,
        `  ${safety}`,
        ...(history ? [`  ${t('ranking.print.history', { history })}`] : []),
      );
    }
  }
  part(t('ranking.print.optionsTitle'), optionLines);

  part(t('ranking.print.missingTitle'), [
    r.excluded.length === 0
      ? t('ranking.print.missingNone')
      : r.excluded.map((e) => t('ranking.print.missingItem', { input: x.inputLabel(e.input), state: t(`ranking.gaps.states.${e.state}`) })).join(' · '),
  ]);

  part(t('ranking.print.decisionTitle'), [
    t('ranking.print.decisionRecorded', { drug: x.drugLabel(decision.drug), user, date: dateTime(decision.at) }),
    ...(decision.reason.trim() !== '' ? [t('ranking.print.decisionReason', { reason: decision.reason.trim() })] : []),
    t('ranking.decision.decisionId', { id: decision.decisionId }),
  ]);
  out.push('', t('ranking.print.disclaimer'), '');
  return out.join('\n');
}
