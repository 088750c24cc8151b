/**
 * Drug names (INN) and drug classes of the drug catalogue (src/extract/terminology/drugs.ts) in English,
 * German and French. Spellings: WHO INN list (English), the German INN as in the Fachinformation / Rote
 * Liste (e.g. Dimethylfumarat, Teriflunomid, Glatirameracetat, Methotrexat), the French DCI as in the RCP /
 * ANSM base de données publique des médicaments (e.g. fumarate de diméthyle, tériflunomide, védolizumab).
 * English and French INNs are lower case (common nouns); German INNs are capitalised (nouns).
 */
import type { DrugClass } from '../../extract/terminology/drugs.ts';
import { DRUGS } from '../../extract/terminology/drugs.ts';
import type { ClinicalLanguage } from './inputs.ts';

/**
 * Every English INN of the catalogue, in catalogue order. The catalogue's own key type is `string`, so
 * this list is the typed mirror; a unit test asserts it equals `DRUGS.map((d) => d.inn)`.
 */
export const CATALOGUE_INNS = [
  'infliximab',
  'adalimumab',
  'certolizumab pegol',
  'golimumab',
  'etanercept',
  'vedolizumab',
  'ustekinumab',
  'risankizumab',
  'mirikizumab',
  'guselkumab',
  'tofacitinib',
  'baricitinib',
  'upadacitinib',
  'filgotinib',
  'ozanimod',
  'etrasimod',
  'fingolimod',
  'siponimod',
  'ponesimod',
  'abatacept',
  'tocilizumab',
  'sarilumab',
  'rituximab',
  'ocrelizumab',
  'ofatumumab',
  'ublituximab',
  'natalizumab',
  'alemtuzumab',
  'cladribine',
  'interferon beta-1a',
  'interferon beta-1b',
  'peginterferon beta-1a',
  'glatiramer acetate',
  'teriflunomide',
  'dimethyl fumarate',
  'diroximel fumarate',
  'methotrexate',
  'leflunomide',
  'sulfasalazine',
  'hydroxychloroquine',
  'azathioprine',
  'mercaptopurine',
  'prednisolone',
  'prednisone',
  'methylprednisolone',
  'budesonide',
  'mesalazine',
  'mycophenolate',
  'mitoxantrone',
  'cyclophosphamide',
] as const;
export type CatalogueInn = (typeof CATALOGUE_INNS)[number];

type DrugNames = Readonly<Record<CatalogueInn, string>>;

const en: DrugNames = Object.fromEntries(CATALOGUE_INNS.map((inn) => [inn, inn])) as Record<CatalogueInn, string>;

const de: DrugNames = {
  infliximab: 'Infliximab',
  adalimumab: 'Adalimumab',
  'certolizumab pegol': 'Certolizumab pegol',
  golimumab: 'Golimumab',
  etanercept: 'Etanercept',
  vedolizumab: 'Vedolizumab',
  ustekinumab: 'Ustekinumab',
  risankizumab: 'Risankizumab',
  mirikizumab: 'Mirikizumab',
  guselkumab: 'Guselkumab',
  tofacitinib: 'Tofacitinib',
  baricitinib: 'Baricitinib',
  upadacitinib: 'Upadacitinib',
  filgotinib: 'Filgotinib',
  ozanimod: 'Ozanimod',
  etrasimod: 'Etrasimod',
  fingolimod: 'Fingolimod',
  siponimod: 'Siponimod',
  ponesimod: 'Ponesimod',
  abatacept: 'Abatacept',
  tocilizumab: 'Tocilizumab',
  sarilumab: 'Sarilumab',
  rituximab: 'Rituximab',
  ocrelizumab: 'Ocrelizumab',
  ofatumumab: 'Ofatumumab',
  ublituximab: 'Ublituximab',
  natalizumab: 'Natalizumab',
  alemtuzumab: 'Alemtuzumab',
  cladribine: 'Cladribin',
  'interferon beta-1a': 'Interferon beta-1a',
  'interferon beta-1b': 'Interferon beta-1b',
  'peginterferon beta-1a': 'Peginterferon beta-1a',
  'glatiramer acetate': 'Glatirameracetat',
  teriflunomide: 'Teriflunomid',
  'dimethyl fumarate': 'Dimethylfumarat',
  'diroximel fumarate': 'Diroximelfumarat',
  methotrexate: 'Methotrexat',
  leflunomide: 'Leflunomid',
  sulfasalazine: 'Sulfasalazin',
  hydroxychloroquine: 'Hydroxychloroquin',
  azathioprine: 'Azathioprin',
  mercaptopurine: 'Mercaptopurin',
  prednisolone: 'Prednisolon',
  prednisone: 'Prednison',
  methylprednisolone: 'Methylprednisolon',
  budesonide: 'Budesonid',
  mesalazine: 'Mesalazin',
  mycophenolate: 'Mycophenolat',
  mitoxantrone: 'Mitoxantron',
  cyclophosphamide: 'Cyclophosphamid',
};

const fr: DrugNames = {
  infliximab: 'infliximab',
  adalimumab: 'adalimumab',
  'certolizumab pegol': 'certolizumab pegol',
  golimumab: 'golimumab',
  etanercept: 'étanercept',
  vedolizumab: 'védolizumab',
  ustekinumab: 'ustékinumab',
  risankizumab: 'risankizumab',
  mirikizumab: 'mirikizumab',
  guselkumab: 'guselkumab',
  tofacitinib: 'tofacitinib',
  baricitinib: 'baricitinib',
  upadacitinib: 'upadacitinib',
  filgotinib: 'filgotinib',
  ozanimod: 'ozanimod',
  etrasimod: 'étrasimod',
  fingolimod: 'fingolimod',
  siponimod: 'siponimod',
  ponesimod: 'ponésimod',
  abatacept: 'abatacept',
  tocilizumab: 'tocilizumab',
  sarilumab: 'sarilumab',
  rituximab: 'rituximab',
  ocrelizumab: 'ocrélizumab',
  ofatumumab: 'ofatumumab',
  ublituximab: 'ublituximab',
  natalizumab: 'natalizumab',
  alemtuzumab: 'alemtuzumab',
  cladribine: 'cladribine',
  'interferon beta-1a': 'interféron bêta-1a',
  'interferon beta-1b': 'interféron bêta-1b',
  'peginterferon beta-1a': 'peginterféron bêta-1a',
  'glatiramer acetate': 'acétate de glatiramère',
  teriflunomide: 'tériflunomide',
  'dimethyl fumarate': 'fumarate de diméthyle',
  'diroximel fumarate': 'fumarate de diroximel',
  methotrexate: 'méthotrexate',
  leflunomide: 'léflunomide',
  sulfasalazine: 'sulfasalazine',
  hydroxychloroquine: 'hydroxychloroquine',
  azathioprine: 'azathioprine',
  mercaptopurine: 'mercaptopurine',
  prednisolone: 'prednisolone',
  prednisone: 'prednisone',
  methylprednisolone: 'méthylprednisolone',
  budesonide: 'budésonide',
  mesalazine: 'mésalazine',
  mycophenolate: 'mycophénolate',
  mitoxantrone: 'mitoxantrone',
  cyclophosphamide: 'cyclophosphamide',
};

/** Drug names by language, keyed by the English INN of the catalogue. */
export const drugLabels: Readonly<Record<ClinicalLanguage, DrugNames>> = { en, de, fr };

/**
 * Drug classes by language (the `DrugClass` union of the catalogue: a new class fails the type check).
 * Wording: ECCO/DGVS/GETAID and EULAR/DGRh/SFR class names; DMARD stays DMARD in all three languages.
 */
export const drugClassLabels: Readonly<Record<ClinicalLanguage, Readonly<Record<DrugClass, string>>>> = {
  en: {
    'anti-TNF': 'anti-TNF',
    'anti-integrin': 'anti-integrin',
    'anti-IL-12/23': 'anti-IL-12/23',
    'anti-IL-23': 'anti-IL-23',
    'JAK inhibitor': 'JAK inhibitor',
    'S1P modulator': 'S1P receptor modulator',
    'anti-CD20': 'anti-CD20',
    'anti-IL-6R': 'anti-IL-6 receptor',
    'CTLA4-Ig': 'CTLA4-Ig (co-stimulation modulator)',
    'interferon beta': 'interferon beta',
    glatiramer: 'glatiramer acetate',
    fumarate: 'fumarate',
    teriflunomide: 'teriflunomide',
    cladribine: 'cladribine',
    'anti-integrin alpha4': 'anti-α4-integrin',
    'anti-CD52': 'anti-CD52',
    csDMARD: 'csDMARD',
    thiopurine: 'thiopurine',
    corticosteroid: 'corticosteroid',
    aminosalicylate: 'aminosalicylate (5-ASA)',
    immunosuppressant: 'immunosuppressant',
    cytotoxic: 'cytotoxic agent',
  },
  de: {
    'anti-TNF': 'TNF-α-Inhibitor',
    'anti-integrin': 'Anti-Integrin',
    'anti-IL-12/23': 'Anti-IL-12/23',
    'anti-IL-23': 'Anti-IL-23',
    'JAK inhibitor': 'JAK-Inhibitor',
    'S1P modulator': 'S1P-Rezeptor-Modulator',
    'anti-CD20': 'Anti-CD20',
    'anti-IL-6R': 'IL-6-Rezeptor-Antikörper',
    'CTLA4-Ig': 'CTLA4-Ig (Kostimulationsblocker)',
    'interferon beta': 'Interferon beta',
    glatiramer: 'Glatirameracetat',
    fumarate: 'Fumarat',
    teriflunomide: 'Teriflunomid',
    cladribine: 'Cladribin',
    'anti-integrin alpha4': 'Anti-α4-Integrin',
    'anti-CD52': 'Anti-CD52',
    csDMARD: 'csDMARD',
    thiopurine: 'Thiopurin',
    corticosteroid: 'Kortikosteroid',
    aminosalicylate: 'Aminosalicylat (5-ASA)',
    immunosuppressant: 'Immunsuppressivum',
    cytotoxic: 'Zytostatikum',
  },
  fr: {
    'anti-TNF': 'anti-TNF',
    'anti-integrin': 'anti-intégrine',
    'anti-IL-12/23': 'anti-IL-12/23',
    'anti-IL-23': 'anti-IL-23',
    'JAK inhibitor': 'inhibiteur de JAK',
    'S1P modulator': 'modulateur des récepteurs S1P',
    'anti-CD20': 'anti-CD20',
    'anti-IL-6R': 'anti-récepteur de l’IL-6',
    'CTLA4-Ig': 'CTLA4-Ig (modulateur de la costimulation)',
    'interferon beta': 'interféron bêta',
    glatiramer: 'acétate de glatiramère',
    fumarate: 'fumarate',
    teriflunomide: 'tériflunomide',
    cladribine: 'cladribine',
    'anti-integrin alpha4': 'anti-intégrine α4',
    'anti-CD52': 'anti-CD52',
    csDMARD: 'csDMARD',
    thiopurine: 'thiopurine',
    corticosteroid: 'corticoïde',
    aminosalicylate: 'aminosalicylé (5-ASA)',
    immunosuppressant: 'immunosuppresseur',
    cytotoxic: 'cytotoxique',
  },
};

/** Is a string one of the catalogue's English INNs (exact spelling)? */
export function isCatalogueInn(x: string): x is CatalogueInn {
  return (CATALOGUE_INNS as readonly string[]).includes(x);
}

/**
 * A drug's name in a language. Accepts the English INN (any case) or the catalogue key
 * (`certolizumab_pegol`); anything else (a drug outside the catalogue, free text) is returned unchanged.
 */
export function drugLabel(drug: string, lang: ClinicalLanguage): string {
  const q = drug.trim().toLowerCase();
  const inn = DRUGS.find((d) => d.inn === q || d.key === q)?.inn;
  return inn !== undefined && isCatalogueInn(inn) ? drugLabels[lang][inn] : drug;
}

/** A drug class's name in a language. */
export function drugClassLabel(drugClass: DrugClass, lang: ClinicalLanguage): string {
  return drugClassLabels[lang][drugClass];
}
