/**
 * Writes models/<indication>/MODEL_CARD.md from the simulator configuration, the spec and the measured
 * metrics, so every figure in the card is the one in metrics.json. Structure follows TRIPOD+AI
 * (Collins GS et al., BMJ 2024;385:e078378) where it applies to a simulation-trained model, and names the
 * ONC HTI-1 source attributes for predictive decision support interventions (45 CFR 170.315(b)(11)).
 */
import { loadEvidence } from '../evidence.ts';
import type { IndicationConfig } from '../simulate/types.ts';
import type { ModelSpec } from '../../../contract/spec.ts';
import type { ArmCheck, Metrics } from './run.ts';
import { CURRENT_THERAPY_ASSUMPTIONS } from '../simulate/shared.ts';
import type { MissingVariance } from '../fit/interval.ts';

const pct = (x: number, d = 1): string => `${(100 * x).toFixed(d)}%`;

function missReason(a: ArmCheck, notes: Record<string, string>): string {
  const note = notes[a.rows];
  if (note) return `${note.charAt(0).toUpperCase()}${note.slice(1)}`;
  const simIn = a.simulator >= (a.ci95[0] ?? 0) && a.simulator <= (a.ci95[1] ?? 1);
  if (a.calibrating && !simIn) return 'Calibrating arm pooled with other arms of the same drug; the trials disagree on the odds ratio';
  if (!simIn) {
    if (/ACR/.test(a.mapping)) return 'Simulator also outside: single-effect model cannot match this trial (odds ratio heterogeneity between trials and/or ACR threshold mapping)';
    if (/ARR/.test(a.mapping)) return 'Simulator also outside: the Poisson ARR mapping ignores over-dispersion (the relapse-free row of the same trial is matched)';
    return 'Simulator also outside: the structural modifiers (prior exposure, activity) do not reproduce this subgroup exactly, or the comparator arm is tiny';
  }
  return 'Simulator inside, model outside: estimation error of the learned model for this drug and population (drug rarely given to such patients in the simulated registry, or missing-data bias)';
}

/** Renders the model card. */
export function modelCard(config: IndicationConfig, spec: ModelSpec, m: Metrics, missingVar: MissingVariance[] = []): string {
  const ev = loadEvidence();
  const cite = (id: string): string => {
    const r = ev.get(id);
    return r ? `${r.citation} [${r.verification}]` : '';
  };
  const L: string[] = [];
  const push = (...s: string[]) => L.push(...s);
  push(
    `# Model card: ${config.title} (${spec.modelVersion})`, '',
    '> **Trained on simulated data, not validated on patients, not for clinical decisions.**', '',
    `File \`model.onnx\` (sha256 \`${spec.onnx.sha256}\`), contract \`spec.json\`, figures \`metrics.json\` (written by \`npm run evaluate\`).`, '',
    '## 1. Intended use (HTI-1: intervention details, purpose, intended users, cautioned use)',
    `- Purpose: a demonstration of the Therapy Navigator pipeline. For an adult with ${config.title.toLowerCase()} about to start or switch an advanced therapy, or to continue the one they are on, it estimates for each candidate drug (including the current one, as "continue") the probability of **${config.endpoint}** at **${config.horizon}**, with a 90% interval.`,
    '- Intended users: developers and research sites evaluating the app; clinicians only in a supervised demonstration.',
    '- Cautioned out-of-scope use: any real treatment decision; children; patients outside the simulated ranges (spec.json `range`); drugs not in the output list; endpoints other than the one above.',
    '- Developer: Therapy Navigator open-source project (Apache-2.0). No funding-specific interest. Code: `models/src/`.', '',
    '## 2. Output',
    `Drugs, in output order: ${spec.outputs.drugs.map((d) => `\`${d}\``).join(', ')}.`,
    `Outputs \`p_mean\`, \`p_lower\`, \`p_upper\` [N, ${spec.outputs.drugs.length}] and \`p_members\` [N, ${spec.outputs.members}, ${spec.outputs.drugs.length}]. Interval: ${spec.outputs.interval.definition}.`, '',
    '## 3. Inputs (HTI-1: input features)',
    '| input | meaning | unit | encoding | missing in training | missing handling |', '|---|---|---|---|---|---|',
    ...config.inputs.map((i) => {
      const s = spec.inputs.find((x) => x.name === i.name);
      const enc = i.type === 'categorical' ? `one-hot ${i.levels?.join('/')}` : i.transform === 'log' ? 'ln(1+x), standardised' : i.type === 'numeric' ? 'standardised' : '0/1, centred';
      return `| \`${i.name}\` | ${i.meaning} | ${i.unit} | ${enc} | ${pct(i.missingRate, 0)} | ${s?.missing.indicator ? 'indicator + training-mean fill' : 'training-mean fill, reported as a gap'} |`;
    }), '',
    '## 4. Training data (TRIPOD+AI 5-8: source, participants, outcome, predictors, sample size)',
    `- **Simulated** routine-care registry: ${config.registry.label}; ${spec.training.records} records; seed ${spec.training.seed}. No real patient data.`,
    `- Outcome: ${config.endpoint} at ${config.horizon}, drawn from a structural model: logit = baseline(patient) + trial-level offset + drug effect + class-specific effect modifiers (prior exposure, inflammation/activity, duration, age, serology as applicable). Parameters and their sources are documented in \`models/src/simulate/${config.id}.ts\`.`,
    '- Treatment assignment is confounded by indication (softmax over class- and patient-dependent propensities; e.g. anti-TNF-experienced and sicker patients are steered to particular classes). All confounders are recorded inputs.',
    '- Missing values: each input is missing completely at random at the rate in the table above.',
    ...CURRENT_THERAPY_ASSUMPTIONS.map((a) => `- ${a}`),
    '- Calibration: every drug effect is solved so that simulated trial populations (inclusion criteria, prior-exposure mix) reproduce the published active arm against a trial-level baseline solved from the comparator arm. Relative effects, never pooled absolute rates.', '',
    '### Calibration sources', '| arm | rows | use | mapping | citation |', '|---|---|---|---|---|',
    ...config.trials.map((t) => `| ${t.label} | ${t.rows.filter((r) => ev.has(r)).join(', ')} | ${t.assumption ? 'assumption' : t.calibrates ? 'calibrates' : 'held out'} | ${t.mapping} | ${t.rows.filter((r) => ev.has(r)).map(cite).join('; ')} |`), '',
    '### How every calibration.csv row of this disease is used', '| row | use |', '|---|---|',
    ...config.rowUse.map((r) => `| ${r.id} | ${r.use} |`), '',
    '## 5. Model (TRIPOD+AI 12)',
    `${spec.training.algorithm}. ${spec.columns.length} encoded columns. Each member is linear in the encoded inputs on the logit scale, per drug, plus a continuation term for the candidate the patient is on: cur_d (A_d + G_d x duration), where cur_d is derived in the graph from the \`current_advanced_therapy\` one-hot and the duration is the encoded \`current_therapy_duration_months\`; A and G are learnt from the registry records in which the current drug was continued (shared -> class -> drug shrinkage like every slope). The current-therapy columns get no linear weight of their own. Explanations: by coalitions (the app), exact W x for patients not on a candidate drug (spec.json \`explanation\`).`, '',
    `**90% interval.** ${spec.outputs.interval.definition} Factors: kEns = ${spec.outputs.interval.ensembleVarianceFactor ?? 1}, kMiss = ${spec.outputs.interval.missingVarianceFactor ?? 1}. ${spec.outputs.interval.calibration ?? ''}`, '',
    ...(missingVar.length === 0 ? [] : ['| input missing | V: unexplained logit variance, mean over drugs | range over drugs |', '|---|---|---|',
      ...missingVar.map((r) => `| \`${r.input}\` | ${(r.v.reduce((a, b) => a + b, 0) / Math.max(1, r.v.length)).toPrecision(3)} | ${Math.min(...r.v).toPrecision(3)}-${Math.max(...r.v).toPrecision(3)} |`), '']),
    '## 6. Performance on a fresh simulated cohort against the true probabilities (HTI-1: validation and quantitative performance)',
    `Cohort: ${m.cohort.n} new registry patients (${m.cohort.missingInputs}).`, '',
    '| measure | value | target |', '|---|---|---|',
    `| expected calibration error vs true probability (10 bins, all patient-drug pairs) | ${m.ece} | <= 0.02 |`,
    `| ECE vs observed outcome of the drug given | ${m.eceObserved} | |`,
    `| AUC (drug given, observed outcome) | ${m.auc} (oracle ${m.oracleAuc}; ratio ${m.aucRatio}) | >= 0.97 x oracle |`,
    `| top-1 regret vs the oracle's best drug, all records | ${m.regretPp} pp | <= 1 pp |`,
    `| top-1 regret, the ${m.completeRecords} records with no missing input | ${m.regretCompletePp} pp | <= 1 pp |`,
    `| top-1 agreement with the oracle | ${pct(m.top1Agreement)} | |`,
    `| Kendall tau, model vs oracle drug ranking (mean per patient) | ${m.kendallTau} | |`,
    `| 90% interval coverage of the true probability | ${pct(m.coverage.all)} (complete records ${pct(m.coverage.completeRecords)}; mean width ${m.coverage.meanWidth}) | 85-95% |`,
    ...m.continuation.map((c) => `| continuing the current drug, ${c.window} (n = ${c.n}): mean probability true / model / model if started fresh; continuing best per oracle / per model | ${pct(c.meanTrue)} / ${pct(c.meanModel)} / ${pct(c.meanModelFresh)}; ${pct(c.bestOracle)} / ${pct(c.bestModel)} | |`),
    `| published arms reproduced within their 95% CI | ${m.armsWithinCi}/${m.armsTotal} | >= 90% |`, '',
    'The oracle knows every input; the model sees the record with its gaps. On incomplete records part of the regret and of the interval miss is the value of the missing information, which no model of the record can recover; complete records isolate the learning error.', '',
    'Targets met: ' + Object.entries(m.targets).map(([k, v]) => `${k}: ${v ? 'yes' : '**no**'}`).join('; ') + '.', '',
    '### Calibration curve', '| bin | n | mean predicted | mean true |', '|---|---|---|---|',
    ...m.calibrationCurve.filter((b) => b.n > 0).map((b) => `| ${b.lo.toFixed(1)}-${b.hi.toFixed(1)} | ${b.n} | ${b.predicted} | ${b.truth} |`), '',
    '### Subgroups (HTI-1: fairness; TRIPOD+AI 23)', '| subgroup | n | ECE | regret (pp) | coverage | AUC |', '|---|---|---|---|---|---|',
    ...m.subgroups.map((s) => `| ${s.name} | ${s.n} | ${s.ece} | ${s.regretPp} | ${pct(s.coverage)} | ${s.auc} |`), '',
    '## 7. In-silico replication of the published arms',
    'Each trial population is simulated; the model\'s logit for the arm\'s drug is shifted by the trial-level offset solved from the comparator arm and averaged. Published rate with its Wilson 95% CI from the arm size. Placebo / background arms are not listed: the model has no no-therapy output, and the simulator matches them by construction (they set the offset). "Calibrating" arms fixed the drug effect in the simulator, so for them the check tests what the model learned from the registry; held-out arms also test the simulator\'s effect modifiers and endpoint mappings.', '',
    '| trial | drug | role | published | 95% CI | simulator | model | within CI |', '|---|---|---|---|---|---|---|---|',
    ...m.arms.map((a) => `| ${a.label} | ${a.drug} | ${a.role}${a.calibrating ? ' (calibrating)' : ''} | ${pct(a.published)} | ${pct(a.ci95[0])}-${pct(a.ci95[1])} | ${pct(a.simulator)} | ${pct(a.model)} | ${a.withinCi ? 'yes' : '**no**'} |`), '',
  );
  const misses = m.arms.filter((a) => !a.withinCi);
  push('### Misses and reasons', ...(misses.length === 0 ? ['None.'] : misses.map((a) => `- ${a.label}, ${a.drug}: published ${pct(a.published)}, model ${pct(a.model)}, simulator ${pct(a.simulator)}. ${missReason(a, config.armNotes ?? {})}.`)), '');
  push('### Network meta-analysis orderings', ...(m.nma.length === 0 ? ['No NMA ordering among the drugs applies to this indication (the NMA rows compare with no advanced therapy, which the model does not output; the simulator gives every drug a positive effect, checked in tests/models/simulate.test.ts).'] : m.nma.map((o) => `- ${o.id} (${o.source}): tiers ${o.tiers.map((t) => t.join(' = ')).join(' > ')}; simulator ${o.simulatorHolds ? 'holds' : '**fails**'}, model ${o.modelHolds ? 'holds' : '**fails**'} (model: ${Object.entries(o.model).map(([d, v]) => `${d} ${pct(v)}`).join(', ')}).`)), '');
  push(
    '## 8. Limitations (TRIPOD+AI 26)',
    '- Trained and evaluated on simulated data only. Real-world performance is unknown. The simulator\'s structure (logit-additive drug effects, linear effect modifiers, MCAR missingness, no unmeasured confounding) is an assumption that favours a linear-logit learner; real data will be harder.',
    '- The 90% interval combines the bootstrap spread with the variance that missing inputs leave unexplained, and its two factors are calibrated against true probabilities that exist only in simulation. On real data the coverage is unknown; the missing-input variance assumes the training missingness pattern (MCAR) and a linear-Gaussian relation between inputs.',
    '- Several calibration rows are from memory or only partly verified (see the citation column); arm sizes marked assumed are not in calibration.csv.',
    ...config.assumptions.map((a) => `- ${a}`), '',
    '## 9. Maintenance (HTI-1: updates)',
    `Model version ${spec.modelVersion}. Re-run \`npm run train\` then \`npm run evaluate\` after any change to calibration.csv or the simulator; the sha256 in spec.json changes with the file. A research site can replace model.onnx and spec.json with its own model trained on real data, keeping the same contract.`, '',
  );
  return L.join('\n');
}
