/**
 * Medication-based safety facts: TB preventive treatment, prior immunosuppressants (natalizumab PML
 * stratification) and current antithrombotics. TB drugs and antithrombotics are not in the drug catalogue
 * (they are never options); they are read here from the same three medication resources.
 */
import type { FhirResource, Medication } from 'fhir/r4';
import { fhirDateOrUndefined } from '../dates.ts';
import { refOf } from '../fhir.ts';
import { resolveMedication } from '../medications.ts';
import { codeMatches, codingsOf, hasCodedCoding, isAtcSystem, textContains, textOf } from '../terminology/index.ts';
import type { InputValue } from '../values.ts';
import {
  medicationAbsenceWhy,
  conditionAbsenceWhy,
  cannotRuleOut,
  conditionAbsence,
  dated,
  describeConditions,
  latestDate,
  matching,
  medicationAbsence,
  type OtherMedication,
  type OtherMedicationConcept,
  type SafetyContext,
} from './context.ts';
import { because, drugsNote, recordText } from '../reasons.ts';

export type { OtherMedication, OtherMedicationConcept };

/** Names for records without a known code (EN/DE/FR INNs and common brands). */
const TEXT: Record<OtherMedicationConcept, readonly string[]> = {
  'med.tb_prophylaxis': ['isoniazid', 'isoniazide', 'isozid', 'rifampicin', 'rifampin', 'rifampicine', 'rifapentine', 'rifapentin', 'rifinah', 'rimactan'],
  'med.antithrombotic': [
    'aspirin',
    'acetylsalicylic acid',
    'acetylsalicylsaure',
    'acide acetylsalicylique',
    'clopidogrel',
    'prasugrel',
    'ticagrelor',
    'warfarin',
    'phenprocoumon',
    'marcumar',
    'acenocoumarol',
    'fluindione',
    'apixaban',
    'eliquis',
    'rivaroxaban',
    'xarelto',
    'edoxaban',
    'lixiana',
    'dabigatran',
    'pradaxa',
    'heparin',
    'heparine',
    'enoxaparin',
    'enoxaparine',
    'clexane',
    'lovenox',
    'dalteparin',
    'tinzaparin',
    'fondaparinux',
  ],
};
/** Statuses that are never exposure (as medications.ts) and intents that are no order. */
const NOT_EXPOSURE = new Set(['cancelled', 'draft', 'not-taken', 'not-done', 'intended', 'entered-in-error']);
const NOT_ORDER_INTENT = new Set(['proposal', 'plan']);

function conceptOf(med: unknown): { concept: OtherMedicationConcept; matchedBy: 'code' | 'text' } | undefined {
  const coded = codeMatches(med).find((m) => m.concept === 'med.tb_prophylaxis' || m.concept === 'med.antithrombotic');
  if (coded) return { concept: coded.concept as OtherMedicationConcept, matchedBy: 'code' };
  // WHO ATC B01A: antithrombotic agents (WHO ATC index 2025), any sub-group.
  if (codingsOf(med).some((c) => isAtcSystem(c.system) && c.code?.toUpperCase().startsWith('B01A')))
    return { concept: 'med.antithrombotic', matchedBy: 'code' };
  if (hasCodedCoding(med) && codingsOf(med).some((c) => isAtcSystem(c.system))) return undefined;
  const text = [textOf(med), ...codingsOf(med).map((c) => c.display)].filter((t): t is string => t !== undefined).join(' ');
  for (const concept of Object.keys(TEXT) as OtherMedicationConcept[]) if (textContains(text, TEXT[concept])) return { concept, matchedBy: 'text' };
  return undefined;
}

/** TB drugs and antithrombotics from the medication resources of a record. */
export function readOtherMedications(resources: readonly FhirResource[], now: Date): OtherMedication[] {
  const byRef = new Map<string, Medication>();
  for (const r of resources) if (r.resourceType === 'Medication' && typeof r.id === 'string') byRef.set(r.id, r);
  const out: OtherMedication[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest' && r.resourceType !== 'MedicationStatement' && r.resourceType !== 'MedicationAdministration') continue;
    try {
      const m = r;
      const status = typeof m.status === 'string' ? m.status : 'unknown';
      if (NOT_EXPOSURE.has(status)) continue;
      if (m.resourceType === 'MedicationRequest' && NOT_ORDER_INTENT.has(m.intent)) continue;
      const med = resolveMedication(m, byRef);
      const hit = conceptOf(med);
      if (!hit) continue;
      const start =
        m.resourceType === 'MedicationRequest'
          ? fhirDateOrUndefined(m.authoredOn, now)
          : (fhirDateOrUndefined(m.effectivePeriod?.start, now) ?? fhirDateOrUndefined(m.effectiveDateTime, now));
      const end = m.resourceType === 'MedicationRequest' ? undefined : fhirDateOrUndefined(m.effectivePeriod?.end, now);
      const ongoing =
        m.resourceType === 'MedicationAdministration'
          ? status === 'in-progress'
          : (status === 'active' || status === 'on-hold') && (end === undefined || end.start.getTime() > now.getTime());
      out.push({ ...hit, ref: refOf(m), name: textOf(med) ?? hit.concept, ...(start ? { start } : {}), ongoing });
    } catch {
      // An unreadable record is reported by readEpisodes (same resources); nothing to add here.
    }
  }
  return out;
}

/** Drug keys of the prior immunosuppressants of the natalizumab PML stratification (Tysabri SmPC 4.4). */
const PRIOR_IMMUNOSUPPRESSANTS = new Set(['azathioprine', 'mercaptopurine', 'mycophenolate', 'mitoxantrone', 'cyclophosphamide', 'methotrexate']);

/** ICD-10 D68.5/D68.6 are thrombophilias (clotting tendency), not the bleeding coagulopathy the alemtuzumab label means. */
const THROMBOPHILIA = ['D68.5', 'D68.6'];

/** tb_prophylaxis, prior_immunosuppressant, coagulopathy_or_antithrombotic. */
export function medicationFacts(
  ctx: SafetyContext,
): Pick<Record<string, InputValue>, 'tb_prophylaxis' | 'prior_immunosuppressant' | 'coagulopathy_or_antithrombotic'> {
  const medGap = medicationAbsence(ctx);
  const tb = ctx.otherMeds.filter((m) => m.concept === 'med.tb_prophylaxis');
  const tbStart = latestDate(tb.map((m) => m.start));
  const prior = ctx.episodes.filter((e) => PRIOR_IMMUNOSUPPRESSANTS.has(e.drugKey));
  const antithrombotic = ctx.otherMeds.filter((m) => m.concept === 'med.antithrombotic' && m.ongoing);
  const coag = matching(ctx, ['dx.coagulopathy'], {
    activeOnly: true,
    keep: (c) => !c.codings.some((k) => THROMBOPHILIA.some((p) => k.code?.toUpperCase().startsWith(p))),
  });
  const condGap = conditionAbsence(ctx);
  const coagulopathy = ((): InputValue => {
    if (coag.length > 0 || antithrombotic.length > 0) {
      const parts = [...(coag.length > 0 ? [describeConditions(coag)] : []), ...antithrombotic.map((m) => `${m.name} (current)`)];
      return dated(
        'coagulopathy_or_antithrombotic',
        true,
        latestDate([...coag.map((c) => c.onset), ...antithrombotic.map((m) => m.start)]),
        [...coag.map((c) => c.ref), ...antithrombotic.map((m) => m.ref)],
        ctx.now,
        {
          note: {
            text: parts.join('; '),
            why: [
              ...(coag.length > 0 ? because('record-text', { text: recordText(describeConditions(coag)) }) : []),
              ...antithrombotic.flatMap((m) => because('current-drug', { drug: recordText(m.name) })),
            ],
          },
          matchedBy: antithrombotic.every((m) => m.matchedBy === 'text') && coag.length === 0 ? 'text' : 'code',
        },
      );
    }
    const gap = condGap ?? medGap;
    if (gap)
      return {
        name: 'coagulopathy_or_antithrombotic',
        state: 'missing',
        sources: [],
        reason: `${gap}: a coagulopathy or a current antiplatelet/anticoagulant cannot be ruled out`,
        ...cannotRuleOut(ctx, 'coagulopathy_or_antithrombotic', conditionAbsenceWhy(ctx) ?? medicationAbsenceWhy(ctx)),
      };
    return dated('coagulopathy_or_antithrombotic', false, undefined, [], ctx.now, {
      note: { text: 'no coagulopathy recorded and no current antiplatelet or anticoagulant', why: because('no-antithrombotic') },
    });
  })();
  return {
    tb_prophylaxis: ((): InputValue => {
      if (tb.length > 0)
        return dated(
          'tb_prophylaxis',
          true,
          tbStart,
          tb.map((m) => m.ref),
          ctx.now,
          {
            note: {
              text: `${[...new Set(tb.map((m) => m.name))].join(', ')}${tbStart ? ` started ${tbStart.raw}` : ' (start date not recorded)'}`,
              why: tbStart
                ? because('tb-prophylaxis-started', { drugs: recordText([...new Set(tb.map((m) => m.name))].join(', ')), date: tbStart.raw })
                : because('tb-prophylaxis-undated', { drugs: recordText([...new Set(tb.map((m) => m.name))].join(', ')) }),
            },
            matchedBy: tb.every((m) => m.matchedBy === 'text') ? 'text' : 'code',
          },
        );
      if (medGap)
        return {
          name: 'tb_prophylaxis',
          state: 'missing',
          sources: [],
          reason: `${medGap}: a TB preventive treatment cannot be ruled out`,
          ...cannotRuleOut(ctx, 'tb_prophylaxis', medicationAbsenceWhy(ctx)),
        };
      return dated('tb_prophylaxis', false, undefined, [], ctx.now, {
        note: { text: 'no isoniazid, rifampicin or rifapentine recorded', why: because('no-tb-prophylaxis') },
      });
    })(),
    prior_immunosuppressant: ((): InputValue => {
      if (prior.length > 0)
        return dated(
          'prior_immunosuppressant',
          true,
          latestDate(prior.map((e) => e.start)),
          prior.flatMap((e) => e.sources),
          ctx.now,
          { note: drugsNote(prior.map((e) => e.inn)), matchedBy: prior.every((e) => e.matchedBy === 'text') ? 'text' : 'code' },
        );
      if (medGap)
        return {
          name: 'prior_immunosuppressant',
          state: 'missing',
          sources: [],
          reason: `${medGap}: prior immunosuppressant use cannot be ruled out`,
          ...cannotRuleOut(ctx, 'prior_immunosuppressant', medicationAbsenceWhy(ctx)),
        };
      return dated('prior_immunosuppressant', false, undefined, [], ctx.now, {
        note: {
          text: 'no azathioprine, mercaptopurine, mycophenolate, mitoxantrone, cyclophosphamide or methotrexate recorded',
          why: because('no-prior-immunosuppressant'),
        },
      });
    })(),
    coagulopathy_or_antithrombotic: coagulopathy,
  };
}
