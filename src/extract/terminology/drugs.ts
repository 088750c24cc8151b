/**
 * The drug catalogue: every advanced therapy and the relevant conventional drugs, with English INN, class,
 * the indications it is licensed for among CD/UC/RA/RMS (EMA SmPC / FDA label indication sections,
 * checked per drug as listed), and names for the last-resort text match. The codes themselves live in
 * codes.csv (`drug.<key>` rows) and the RxNorm product map below.
 */
import type { Indication } from '../../../contract/indications.ts';

export type DrugClass =
  | 'anti-TNF'
  | 'anti-integrin'
  | 'anti-IL-12/23'
  | 'anti-IL-23'
  | 'JAK inhibitor'
  | 'S1P modulator'
  | 'anti-CD20'
  | 'anti-IL-6R'
  | 'CTLA4-Ig'
  | 'interferon beta'
  | 'glatiramer'
  | 'fumarate'
  | 'teriflunomide'
  | 'cladribine'
  | 'anti-integrin alpha4'
  | 'anti-CD52'
  | 'csDMARD'
  | 'thiopurine'
  | 'corticosteroid'
  | 'aminosalicylate'
  | 'immunosuppressant'
  | 'cytotoxic';

export interface DrugDefinition {
  /** Key of the `drug.<key>` rows in codes.csv. */
  key: string;
  /** English INN (WHO INN list; mesalazine = USAN mesalamine). */
  inn: string;
  drugClass: DrugClass;
  /** Advanced therapy (biologic, targeted synthetic, or an MS disease-modifying therapy). */
  advanced: boolean;
  /** Licensed indications among the four the app covers (EMA SmPC section 4.1 / FDA label section 1). */
  indications: readonly Indication[];
  /** Lower-case names for the text fallback: INN, US name, brand names (EMA/FDA product names). */
  names: readonly string[];
}

function d(key: string, inn: string, drugClass: DrugClass, advanced: boolean, indications: Indication[], names: string[]): DrugDefinition {
  return { key, inn, drugClass, advanced, indications, names: [inn.toLowerCase(), ...names] };
}

export const DRUGS: readonly DrugDefinition[] = [
  d('infliximab', 'infliximab', 'anti-TNF', true, ['CD', 'UC', 'RA'], ['remicade', 'inflectra', 'remsima', 'flixabi', 'zessly']),
  d('adalimumab', 'adalimumab', 'anti-TNF', true, ['CD', 'UC', 'RA'], ['humira', 'amgevita', 'hyrimoz', 'imraldi', 'hulio', 'yuflyma']),
  d('certolizumab_pegol', 'certolizumab pegol', 'anti-TNF', true, ['CD', 'RA'], ['cimzia', 'certolizumab']),
  d('golimumab', 'golimumab', 'anti-TNF', true, ['UC', 'RA'], ['simponi']),
  d('etanercept', 'etanercept', 'anti-TNF', true, ['RA'], ['enbrel', 'benepali', 'erelzi']),
  d('vedolizumab', 'vedolizumab', 'anti-integrin', true, ['CD', 'UC'], ['entyvio']),
  d('ustekinumab', 'ustekinumab', 'anti-IL-12/23', true, ['CD', 'UC'], ['stelara']),
  d('risankizumab', 'risankizumab', 'anti-IL-23', true, ['CD', 'UC'], ['skyrizi']),
  d('mirikizumab', 'mirikizumab', 'anti-IL-23', true, ['CD', 'UC'], ['omvoh']),
  d('guselkumab', 'guselkumab', 'anti-IL-23', true, ['CD', 'UC'], ['tremfya']),
  d('tofacitinib', 'tofacitinib', 'JAK inhibitor', true, ['UC', 'RA'], ['xeljanz']),
  d('baricitinib', 'baricitinib', 'JAK inhibitor', true, ['RA'], ['olumiant']),
  d('upadacitinib', 'upadacitinib', 'JAK inhibitor', true, ['CD', 'UC', 'RA'], ['rinvoq']),
  d('filgotinib', 'filgotinib', 'JAK inhibitor', true, ['UC', 'RA'], ['jyseleca']),
  d('ozanimod', 'ozanimod', 'S1P modulator', true, ['UC', 'RMS'], ['zeposia']),
  d('etrasimod', 'etrasimod', 'S1P modulator', true, ['UC'], ['velsipity']),
  d('fingolimod', 'fingolimod', 'S1P modulator', true, ['RMS'], ['gilenya']),
  d('siponimod', 'siponimod', 'S1P modulator', true, ['RMS'], ['mayzent']),
  d('ponesimod', 'ponesimod', 'S1P modulator', true, ['RMS'], ['ponvory']),
  d('abatacept', 'abatacept', 'CTLA4-Ig', true, ['RA'], ['orencia']),
  d('tocilizumab', 'tocilizumab', 'anti-IL-6R', true, ['RA'], ['actemra', 'roactemra']),
  d('sarilumab', 'sarilumab', 'anti-IL-6R', true, ['RA'], ['kevzara']),
  d('rituximab', 'rituximab', 'anti-CD20', true, ['RA'], ['rituxan', 'mabthera', 'truxima']),
  d('ocrelizumab', 'ocrelizumab', 'anti-CD20', true, ['RMS'], ['ocrevus']),
  d('ofatumumab', 'ofatumumab', 'anti-CD20', true, ['RMS'], ['kesimpta']),
  d('ublituximab', 'ublituximab', 'anti-CD20', true, ['RMS'], ['briumvi']),
  d('natalizumab', 'natalizumab', 'anti-integrin alpha4', true, ['RMS'], ['tysabri', 'tyruko']),
  d('alemtuzumab', 'alemtuzumab', 'anti-CD52', true, ['RMS'], ['lemtrada']),
  d('cladribine', 'cladribine', 'cladribine', true, ['RMS'], ['mavenclad']),
  d('interferon_beta_1a', 'interferon beta-1a', 'interferon beta', true, ['RMS'], ['avonex', 'rebif']),
  d('interferon_beta_1b', 'interferon beta-1b', 'interferon beta', true, ['RMS'], ['betaferon', 'betaseron', 'extavia']),
  d('peginterferon_beta_1a', 'peginterferon beta-1a', 'interferon beta', true, ['RMS'], ['plegridy']),
  d('glatiramer_acetate', 'glatiramer acetate', 'glatiramer', true, ['RMS'], ['copaxone', 'glatiramer']),
  d('teriflunomide', 'teriflunomide', 'teriflunomide', true, ['RMS'], ['aubagio']),
  d('dimethyl_fumarate', 'dimethyl fumarate', 'fumarate', true, ['RMS'], ['tecfidera']),
  d('diroximel_fumarate', 'diroximel fumarate', 'fumarate', true, ['RMS'], ['vumerity']),
  d('methotrexate', 'methotrexate', 'csDMARD', false, ['RA', 'CD'], ['trexall', 'otrexup', 'rasuvo', 'metoject', 'lantarel']),
  d('leflunomide', 'leflunomide', 'csDMARD', false, ['RA'], ['arava']),
  d('sulfasalazine', 'sulfasalazine', 'csDMARD', false, ['RA', 'UC'], ['azulfidine', 'salazopyrin', 'sulphasalazine']),
  d('hydroxychloroquine', 'hydroxychloroquine', 'csDMARD', false, ['RA'], ['plaquenil', 'quensyl']),
  d('azathioprine', 'azathioprine', 'thiopurine', false, ['CD', 'UC'], ['imuran', 'imurek']),
  d('mercaptopurine', 'mercaptopurine', 'thiopurine', false, ['CD', 'UC'], ['purinethol', 'puri-nethol', '6-mercaptopurine']),
  d('prednisolone', 'prednisolone', 'corticosteroid', false, ['CD', 'UC', 'RA', 'RMS'], ['decortin h']),
  d('prednisone', 'prednisone', 'corticosteroid', false, ['CD', 'UC', 'RA', 'RMS'], ['deltasone', 'rayos']),
  d('methylprednisolone', 'methylprednisolone', 'corticosteroid', false, ['CD', 'UC', 'RA', 'RMS'], ['medrol', 'solu-medrol', 'urbason']),
  d('budesonide', 'budesonide', 'corticosteroid', false, ['CD', 'UC'], ['entocort', 'budenofalk', 'uceris', 'cortiment']),
  d('mesalazine', 'mesalazine', 'aminosalicylate', false, ['UC'], ['mesalamine', 'asacol', 'pentasa', 'lialda', 'salofalk', 'claversal']),
  // Prior immunosuppressants of the natalizumab PML stratification (Tysabri SmPC 4.4): background/prior
  // drugs only, none licensed as a therapy of the four indications in this catalogue (codes: safetyCodes.ts).
  d(
    'mycophenolate',
    'mycophenolate',
    'immunosuppressant',
    false,
    [],
    ['mycophenolate mofetil', 'mycophenolic acid', 'mycophenolsaure', 'mycophenolat', 'cellcept', 'myfortic'],
  ),
  d('mitoxantrone', 'mitoxantrone', 'cytotoxic', false, [], ['mitoxantron', 'ralenova', 'novantrone']),
  d('cyclophosphamide', 'cyclophosphamide', 'cytotoxic', false, [], ['cyclophosphamid', 'endoxan', 'cytoxan']),
];

export const DRUGS_BY_KEY: ReadonlyMap<string, DrugDefinition> = new Map(DRUGS.map((x) => [x.key, x]));

/**
 * RxNorm clinical-drug / branded-drug codes (SCD/SBD) -> catalogue key. US records carry products, not
 * ingredients (terminology/README.md). Only codes we are sure of are listed; anything else falls
 * back to the product's display text, matched by name and marked `matchedBy: 'text'`.
 */
export const RXNORM_PRODUCTS: Record<string, { key: string; display: string; source: string }> = {
  '105586': {
    key: 'methotrexate',
    display: 'Methotrexate 10 MG Oral Tablet',
    source: 'RxNav (RxNorm SCD 105586, ingredient 6851); carried by the Synthea RA bundles in tests/fixtures/fhir-examples',
  },
  '105585': {
    key: 'methotrexate',
    display: 'Methotrexate 2.5 MG Oral Tablet',
    source: 'secondary: RxNav (RxNorm SCD 105585, ingredient 6851), Synthea rheumatoid_arthritis module; re-check before release',
  },
};

/** German PZN (IFA) -> catalogue key. None verified yet: German records also carry ATC, which we match. */
export const PZN_PRODUCTS: Record<string, { key: string; source: string }> = {};
