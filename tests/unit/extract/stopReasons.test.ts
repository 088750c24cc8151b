import { describe, expect, it } from 'vitest';
import { classifyStopReason, stopReasonFromText } from '@src/extract/stopReasons.ts';
import { readEpisodes } from '@src/extract/medications.ts';
import { SYSTEMS } from '@src/extract/terminology/index.ts';
import { cc, NOW } from '../../support/fhir.ts';
import { med, RXNORM } from './safetyHelpers.ts';

describe('stop reasons from free text (EN/DE/FR), the issue 10 examples first', () => {
  it.each([
    ['injection-site reactions and recurrent infections', 'intolerance'],
    ['unzureichende Wirksamkeit', 'primary-nonresponse'],
    ['perte de réponse', 'loss-of-response'],
    ['secondary non-response after 2 years', 'loss-of-response'],
    ['sekundäres Nichtansprechen', 'loss-of-response'],
    ['Wirkverlust', 'loss-of-response'],
    ['primary non-response at week 14', 'primary-nonresponse'],
    ['no side effects, lack of efficacy', 'primary-nonresponse'],
    ['keine Nebenwirkungen, kein Ansprechen', 'primary-nonresponse'],
    ['anti-drug antibodies, low trough level', 'anti-drug-antibodies'],
    ['Antikörperbildung gegen Infliximab', 'anti-drug-antibodies'],
    ['réactions au site d’injection', 'intolerance'],
    ["réactions au site d'injection", 'intolerance'],
    ['Nebenwirkung: Exanthem', 'intolerance'],
    ['effets indésirables', 'intolerance'],
    ['recurrent infections', 'adverse-event'],
    ['infections récidivantes', 'adverse-event'],
    ['Schwangerschaft', 'pregnancy'],
    ['désir de grossesse', 'pregnancy'],
    ['loss of response and side effects', 'intolerance'],
    ['stable remission, de-escalation', 'other'],
  ])('"%s" -> %s', (text, reason) => {
    expect(classifyStopReason([{ text }])?.reason).toBe(reason);
  });

  it('unrecognised text is "other" and keeps the words', () => {
    expect(classifyStopReason([{ text: 'patient moved away' }])).toEqual({ reason: 'other', text: 'patient moved away' });
    expect(stopReasonFromText('patient moved away')).toBeUndefined();
  });
});

describe('stop reasons from codes first', () => {
  it.each([
    [cc({ system: SYSTEMS.mrStatusReason, code: 'sintol' }), 'intolerance'],
    [cc({ system: SYSTEMS.stopReason, code: 'adverse-event' }), 'adverse-event'],
    [cc({ system: SYSTEMS.stopReason, code: 'anti-drug-antibodies' }), 'anti-drug-antibodies'],
    [cc({ system: SYSTEMS.stopReason, code: 'primary-non-response' }), 'primary-nonresponse'],
    [cc({ system: SYSTEMS.snomed, code: '62014003' }), 'intolerance'],
    // The code decides even when the text says something else.
    [{ ...cc({ system: SYSTEMS.stopReason, code: 'loss-of-response' }), text: 'Nebenwirkung' }, 'loss-of-response'],
  ])('%j -> %s', (concept, reason) => {
    expect(classifyStopReason([concept])?.reason).toBe(reason);
  });

  it('an episode stopped with a free-text statusReason gets the category', () => {
    const ada = { system: RXNORM, code: '327361', display: 'adalimumab' };
    const r = readEpisodes(
      [
        med('a', ada, 'stopped', '2022-01-01', {
          effectivePeriod: { start: '2022-01-01', end: '2023-01-01' },
          statusReason: [{ text: 'injection-site reactions and recurrent infections' }],
        }),
      ],
      NOW,
    );
    expect(r.episodes[0]?.stopReason).toBe('intolerance');
    expect(r.episodes[0]?.stopReasonText).toBe('injection-site reactions and recurrent infections');
  });
});
