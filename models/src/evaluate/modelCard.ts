/**
 * Writes models/<indication>/MODEL_CARD.md from the simulator configuration, the spec and the measured
 * metrics, so every figure in the card is the one in metrics.json. Structure follows TRIPOD+AI
 * (Collins GS et al., BMJ 2024;385:e078378) where it applies to a simulation-trained model, and names the
 * ONC HTI-1 source attributes for predictive decision support interventions (45 CFR 170.315(b)(11)).
 */
import { loadEvidence } from '../evidence.ts';
import type { IndicationConfig } from '../simulate/types.ts';
import type { ModelSpec } from '../../../contract/spec.ts';
import type { Metrics } from './run.ts';
import { lotoCard } from './lotoReport.ts';
import { LOTO_NOTES } from './lotoNotes.ts';
import { REAL_WORLD_NOTE } from './realWorld.ts';
import { rowUses } from '../synthesis/rowUse.ts';
import { NETWORKS } from '../synthesis/data/index.ts';
import { CURRENT_THERAPY_ASSUMPTIONS } from '../simulate/shared.ts';
import type { MissingVariance } from '../fit/interval.ts';

const pct = (x: number, d = 1): string => `${(100 * x).toFixed(d)}%`;
const num = (x: number | null, d = 2): string => (x === null ? 'not estimable' : x.toFixed(d));

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
    `# Model card: ${config.title} (${spec.modelVersion})`,
    '',
    '> **Trained on simulated data, not validated on patients, not for clinical decisions.**',
    '',
    `File \`model.onnx\` (sha256 \`${spec.onnx.sha256}\`), contract \`spec.json\`, figures \`metrics.json\` (written by \`npm run evaluate\`).`,
    '',
    '## 1. Intended use (HTI-1: intervention details, purpose, intended users, cautioned use)',
    `- Purpose: a demonstration of the Therapy Navigator pipeline. For an adult with ${config.title.toLowerCase()} about to start or switch an advanced therapy, or to continue the one they are on, it estimates for each candidate drug (including the current one, as "continue") the probability of **${config.endpoint}** at **${config.horizon}**, with a 90% interval.`,
    '- Intended users: developers and research sites evaluating the app; clinicians only in a supervised demonstration.',
    '- Cautioned out-of-scope use: any real treatment decision; children; patients outside the simulated ranges (spec.json `range`); drugs not in the output list; endpoints other than the one above.',
    '- Developer: Therapy Navigator open-source project (Apache-2.0). No funding-specific interest. Code: `models/src/`.',
    '',
    '## 2. Output',
    `Drugs, in output order: ${spec.outputs.drugs.map((d) => `\`${d}\``).join(', ')}.`,
    `Outputs \`p_mean\`, \`p_lower\`, \`p_upper\` [N, ${spec.outputs.drugs.length}] and \`p_members\` [N, ${spec.outputs.members}, ${spec.outputs.drugs.length}]. Interval: ${spec.outputs.interval.definition}.`,
    '',
    '## 3. Inputs (HTI-1: input features)',
    '| input | meaning | unit | encoding | missing in training | missing handling |',
    '|---|---|---|---|---|---|',
    ...config.inputs.map((i) => {
      const s = spec.inputs.find((x) => x.name === i.name);
      let enc = '0/1, centred';
      if (i.type === 'categorical') enc = `one-hot ${i.levels?.join('/')}`;
      else if (i.transform === 'log') enc = 'ln(1+x), standardised';
      else if (i.type === 'numeric') enc = 'standardised';
      return `| \`${i.name}\` | ${i.meaning} | ${i.unit} | ${enc} | ${pct(i.missingRate, 0)} | ${s?.missing.indicator ? 'indicator + training-mean fill' : 'training-mean fill, reported as a gap'} |`;
    }),
    '',
    '## 4. Training data (TRIPOD+AI 5-8: source, participants, outcome, predictors, sample size)',
    `- **Simulated** routine-care registry: ${config.registry.label}; ${spec.training.records} records; seed ${spec.training.seed}. No real patient data.`,
    `- Outcome: ${config.endpoint} at ${config.horizon}, drawn from a structural model: logit = prognostic shape(patient) + one offset + drug effect + the synthesis's effect modifiers. The offset puts the reference population (${m.synthesis.reference.population}) at the baseline model's level for a trial of ${m.synthesis.reference.era}; each drug effect is solved so that the same population reaches that level shifted by the drug's synthesised relative effect. No per-trial offset, no effect fitted to one trial, no hand-set effect or modifier (sections 7-8). The prognostic shape terms (activity, laboratory values, age, duration) are centred simulation assumptions documented in \`models/src/simulate/${config.id}.ts\`.`,
    '- Treatment assignment is confounded by indication (softmax over class- and patient-dependent propensities; e.g. anti-TNF-experienced and sicker patients are steered to particular classes). All confounders are recorded inputs.',
    '- Missing values: each input is missing completely at random at the rate in the table above.',
    ...CURRENT_THERAPY_ASSUMPTIONS.map((a) => `- ${a}`),
    '- Evidence: a random-effects network meta-analysis and a baseline-risk model over models/evidence/calibration.csv (section 7); the rows behind every parameter are listed there with their citations.',
    '',
    '### How every calibration.csv row of this disease is used',
    '| row | use |',
    '|---|---|',
    ...config.rowUse.map((r) => `| ${r.id} | ${r.use} |`),
    '',
    '## 5. Model (TRIPOD+AI 12)',
    `${spec.training.algorithm}. ${spec.columns.length} encoded columns. Each member is linear in the encoded inputs on the logit scale, per drug, plus a continuation term for the candidate the patient is on: cur_d (A_d + G_d x duration), where cur_d is derived in the graph from the \`current_advanced_therapy\` one-hot and the duration is the encoded \`current_therapy_duration_months\`; A and G are learnt from the registry records in which the current drug was continued (shared -> class -> drug shrinkage like every slope). The current-therapy columns get no linear weight of their own. Explanations: by coalitions (the app), exact W x for patients not on a candidate drug (spec.json \`explanation\`).`,
    '',
    `**90% interval.** ${spec.outputs.interval.definition} Factors: kEns = ${spec.outputs.interval.ensembleVarianceFactor ?? 1}, kMiss = ${spec.outputs.interval.missingVarianceFactor ?? 1}. ${spec.outputs.interval.calibration ?? ''}`,
    '',
    ...(missingVar.length === 0
      ? []
      : [
          '| input missing | V: unexplained logit variance, mean over drugs | range over drugs |',
          '|---|---|---|',
          ...missingVar.map(
            (r) =>
              `| \`${r.input}\` | ${(r.v.reduce((a, b) => a + b, 0) / Math.max(1, r.v.length)).toPrecision(3)} | ${Math.min(...r.v).toPrecision(3)}-${Math.max(...r.v).toPrecision(3)} |`,
          ),
          '',
        ]),
    '## 6. Performance on a fresh simulated cohort against the true probabilities (HTI-1: validation and quantitative performance)',
    `Cohort: ${m.cohort.n} new registry patients (${m.cohort.missingInputs}).`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| expected calibration error vs true probability (10 bins, all patient-drug pairs) | ${m.ece} | <= 0.02 |`,
    `| ECE vs observed outcome of the drug given | ${m.eceObserved} | |`,
    `| AUC (drug given, observed outcome) | ${m.auc} (oracle ${m.oracleAuc}; ratio ${m.aucRatio}) | >= 0.97 x oracle |`,
    `| top-1 regret vs the oracle's best drug, all records | ${m.regretPp} pp | <= 1 pp |`,
    `| top-1 regret, the ${m.completeRecords} records with no missing input | ${m.regretCompletePp} pp | <= 1 pp |`,
    `| top-1 agreement with the oracle | ${pct(m.top1Agreement)} | |`,
    `| Kendall tau, model vs oracle drug ranking (mean per patient) | ${m.kendallTau} | |`,
    `| 90% interval (model part, without the evidence variance) coverage of the true probability | ${pct(m.coverage.all)} (complete records ${pct(m.coverage.completeRecords)}; mean width ${m.coverage.meanWidthModelPart}) | 85-95% |`,
    `| mean width of the displayed 90% prediction interval (with the evidence variance) | ${m.coverage.meanWidth} | coverage measured out of sample in section 8 |`,
    ...m.continuation.map(
      (c) =>
        `| continuing the current drug, ${c.window} (n = ${c.n}): mean probability true / model / model if started fresh; continuing best per oracle / per model | ${pct(c.meanTrue)} / ${pct(c.meanModel)} / ${pct(c.meanModelFresh)}; ${pct(c.bestOracle)} / ${pct(c.bestModel)} | |`,
    ),
    '',
    'The oracle knows every input; the model sees the record with its gaps. On incomplete records part of the regret and of the interval miss is the value of the missing information, which no model of the record can recover; complete records isolate the learning error.',
    '',
    'Targets met: ' +
      Object.entries(m.targets)
        .map(([k, v]) => `${k}: ${v ? 'yes' : '**no**'}`)
        .join('; ') +
      '.',
    '',
    '### Calibration curve',
    '| bin | n | mean predicted | mean true |',
    '|---|---|---|---|',
    ...m.calibrationCurve.filter((b) => b.n > 0).map((b) => `| ${b.lo.toFixed(1)}-${b.hi.toFixed(1)} | ${b.n} | ${b.predicted} | ${b.truth} |`),
    '',
    '### Subgroups (HTI-1: fairness; TRIPOD+AI 23)',
    '| subgroup | n | ECE | regret (pp) | coverage | AUC |',
    '|---|---|---|---|---|---|',
    ...m.subgroups.map((s) => `| ${s.name} | ${s.n} | ${s.ece} | ${s.regretPp} | ${pct(s.coverage)} | ${s.auc} |`),
    '',
    '## 7. Evidence synthesis (random-effects network meta-analysis and baseline-risk model)',
    `Network meta-analysis on the ${m.synthesis.scale} scale, NICE DSU TSD 2 design in contrast form (trial-specific baselines, effects relative to no advanced therapy, one between-trial SD tau, multi-arm covariance tau^2/2), effect modifiers as meta-regression terms; generalised least squares with tau by restricted maximum likelihood on a grid (deterministic; \`models/src/synthesis/\`). Only the studies of \`models/src/synthesis/data/${config.id}.ts\` enter, each with the calibration.csv rows it comes from and its stated assumptions (arm sizes, exposure shares).`,
    '',
    `- Between-trial heterogeneity tau = ${m.synthesis.tau} (95% profile interval ${m.synthesis.tauCi[0]}-${m.synthesis.tauCi[1]}); ${m.synthesis.tauSource}. This network alone: ${m.synthesis.tauOwn} (${m.synthesis.tauOwnCi[0]}-${m.synthesis.tauOwnCi[1]}).`,
    ...(m.synthesis.dispersion
      ? [
          `- Relapse counts are negative binomial with shape k = ${m.synthesis.dispersion.k} (interval ${m.synthesis.dispersion.ci[0]}-${m.synthesis.dispersion.ci[1]}; fitted on ${m.synthesis.dispersion.rows}): P(relapse-free over T years) = (1 + ARR T / k)^(-k), not the Poisson exp(-ARR T).`,
        ]
      : []),
    '',
    '| parameter | kind | estimate | SE | rows |',
    '|---|---|---|---|---|',
    ...m.synthesis.parameters.map((q) => `| ${q.name} | ${q.kind} | ${num(q.estimate)} | ${num(q.se)} | ${q.rows.join(', ')} |`),
    '',
    `**Baseline-risk model** (reference arm, link scale; ${m.synthesis.baseline.studies} studies; between-trial SD ${m.synthesis.baseline.sigma}, interval ${m.synthesis.baseline.sigmaCi[0]}-${m.synthesis.baseline.sigmaCi[1]}; rows ${m.synthesis.baseline.rows.join(', ')}):`,
    '',
    '| term | estimate | SE |',
    '|---|---|---|',
    ...m.synthesis.baseline.terms.map((t) => `| ${t.term} | ${num(t.estimate)} | ${num(t.se)} |`),
    '',
    `**A contemporary trial-like patient** (${m.synthesis.reference.population}; era ${m.synthesis.reference.era}): without an advanced therapy ${pct(m.synthesis.reference.probability)} (90% prediction interval ${pct(m.synthesis.reference.pi90[0])}-${pct(m.synthesis.reference.pi90[1])}).`,
    '',
    '| drug | synthesised probability | 90% prediction interval |',
    '|---|---|---|',
    ...m.synthesis.drugs.map((d) => `| ${d.drug} | ${pct(d.probability)} | ${pct(d.pi90[0])}-${pct(d.pi90[1])} |`),
    '',
    ...(REAL_WORLD_NOTE[config.id] ?? []),
    '',
    '### How every calibration.csv row of this disease is used',
    '| row | use |',
    '|---|---|',
    ...rowUses(NETWORKS[config.id], config.rowUse).map((r) => `| ${r.id} | ${r.use} |`),
    '',
    '### Calibration rows cited',
    ...[...new Set(m.synthesis.parameters.flatMap((q) => q.rows).concat(m.synthesis.baseline.rows))]
      .sort()
      .filter((r) => ev.has(r))
      .map((r) => `- ${r}: ${cite(r)}`),
    '',
    '## 8. Leave-one-trial-out validation (no offsets)',
    "For each trial: the synthesis and the baseline model are refitted without it, its population is built from its stated covariates (era, exposure share, background therapy, severity share), and its arms are predicted with no offset. A drug whose only trial was left out is predicted by exchangeability with the network's other drugs (marked). 95% CI of an arm: Wilson (proportions) or negative-binomial (ARR); of a difference: Newcombe hybrid score (the table reports arms, not difference intervals). The 90% prediction interval includes the published arm's own sampling variance.",
    '',
    ...lotoCard(m.loto),
    ...(LOTO_NOTES[config.id] ?? []),
    '',
    '### Network meta-analysis orderings (model and simulator)',
    ...(m.nma.length === 0
      ? ['No NMA ordering among the drugs applies to this indication (the NMA rows compare with no advanced therapy).']
      : m.nma.map(
          (o) =>
            `- ${o.id} (${o.source}): tiers ${o.tiers.map((t) => t.join(' = ')).join(' > ')}; simulator ${o.simulatorHolds ? 'holds' : '**fails**'}, model ${o.modelHolds ? 'holds' : '**fails**'} (model: ${Object.entries(
              o.model,
            )
              .map(([d, v]) => `${d} ${pct(v)}`)
              .join(', ')}).`,
        )),
    '',
    '## 9. Limitations (TRIPOD+AI 26)',
    "- Trained and evaluated on simulated data only. Real-world performance is unknown. The simulator's structure (logit-additive drug effects, linear effect modifiers, MCAR missingness, no unmeasured confounding) is an assumption that favours a linear-logit learner; real data will be harder.",
    '- The 90% interval adds to the bootstrap spread and the missing-input variance (both calibrated against true probabilities that exist only in simulation) the evidence variance of the synthesis (estimation and between-trial heterogeneity), whose coverage of published trial arms is measured leave-one-trial-out in section 8. For patients unlike trial participants the coverage is unknown.',
    '- Several calibration rows are from memory or only partly verified (see the citation column); arm sizes marked assumed are not in calibration.csv.',
    ...config.assumptions.map((a) => `- ${a}`),
    '',
    '## 10. Maintenance (HTI-1: updates)',
    `Model version ${spec.modelVersion}. Re-run \`npm run train\` then \`npm run evaluate\` after any change to calibration.csv or the simulator; the sha256 in spec.json changes with the file. A research site can replace model.onnx and spec.json with its own model trained on real data, keeping the same contract.`,
    '',
  );
  return L.join('\n');
}
