/**
 * Codes for the safety facts of issue 10 (catalogue.safety.ts): conditions, findings, laboratory tests,
 * live vaccines and the drugs the facts read. Each row names its source as in codes.csv: `verified`
 * (checked against a published value set, IG or code table), `secondary` (seen in public IGs or example
 * data, not against a release) or `unverified` (recalled from the standard; re-check in the SNOMED
 * browser / LOINC search / BfArM ICD-10-GM 2026 / WHO ATC index 2025 before release).
 * ICD-10 facts are matched by category prefix (local.ts ICD10_PREFIXES), valid in WHO, CM and GM.
 */
import type { CodeRow } from './types.ts';
import { SYSTEMS } from '../../../contract/systems.ts';

const SCT = SYSTEMS.snomed;
const LN = SYSTEMS.loinc;
const RX = SYSTEMS.rxnorm;
const ATC = SYSTEMS.atc;
/** HL7 FHIR CVX system URI (duplicated from local.ts to avoid an import cycle). */
const CVX = 'http://hl7.org/fhir/sid/cvx';

const SCT_RECALLED = 'unverified: SNOMED CT International concept id recalled; re-check in the SNOMED CT browser (International Edition 2025)';
const SCT_US_PREG = 'secondary: SNOMED CT US Extension, US Core / C-CDA Pregnancy Intention value set (seen in US Core and IE Core pregnancy-intent IGs)';
const LOINC_SEEN = 'secondary: LOINC number as used in public FHIR IGs and value sets (LOINC search to re-check the long common name)';
const ATC_WHO = 'secondary: WHO ATC/DDD index 2025 (WHOCC); German edition (BfArM ATC 2025) shares the code';
const CVX_TABLE = 'secondary: CDC CVX code table (live attenuated vaccines)';
const EHDSI_VACCINE = 'verified: eHDSI Vaccine value set 0.2.0 (HL7 Europe eHDSI terminologies, 2025-12-23), SNOMED CT vaccine products';
const RXNORM_IN = 'unverified: RxNorm ingredient (TTY IN) recalled; re-check in RxNav';

function rows(concept: string, system: string, source: string, codes: Array<[string, string]>): CodeRow[] {
  return codes.map(([code, display]) => ({ concept, system, code, display, verifiedSource: source }));
}

export const SAFETY_ROWS: readonly CodeRow[] = [
  // Heart failure: NYHA class findings (the contract's codes) and decompensation.
  ...rows('finding.nyha1', SCT, SCT_RECALLED, [['420300004', 'New York Heart Association Classification - Class I']]),
  ...rows('finding.nyha2', SCT, SCT_RECALLED, [['421704003', 'New York Heart Association Classification - Class II']]),
  ...rows('finding.nyha3', SCT, SCT_RECALLED, [['420913000', 'New York Heart Association Classification - Class III']]),
  ...rows('finding.nyha4', SCT, SCT_RECALLED, [['422293003', 'New York Heart Association Classification - Class IV']]),
  ...rows('dx.hf_decompensated', SCT, SCT_RECALLED, [
    ['195111005', 'Decompensated cardiac failure'],
    ['56675007', 'Acute heart failure'],
  ]),
  // Cardiac events in the last 6 months (S1P labels).
  ...rows('dx.unstable_angina', SCT, SCT_RECALLED, [['4557003', 'Preinfarction syndrome (unstable angina)']]),
  ...rows('dx.angina', SCT, SCT_RECALLED, [['194828000', 'Angina pectoris']]),
  ...rows('dx.tia', SCT, SCT_RECALLED, [['266257000', 'Transient ischemic attack']]),
  ...rows('dx.arterial_dissection', SCT, SCT_RECALLED, [['432254002', 'Dissection of cervical artery (re-check)']]),
  // Conduction.
  ...rows('dx.av_block_high', SCT, SCT_RECALLED, [
    ['27885002', 'Complete atrioventricular block'],
    ['28189009', 'Mobitz type II atrioventricular block'],
  ]),
  ...rows('dx.av_block_2', SCT, SCT_RECALLED, [['195042002', 'Second degree atrioventricular block']]),
  ...rows('dx.sick_sinus', SCT, SCT_RECALLED, [['36083008', 'Sick sinus syndrome']]),
  ...rows('finding.pacemaker', SCT, SCT_RECALLED, [
    ['441509002', 'Cardiac pacemaker in situ'],
    ['307280005', 'Implantation of cardiac pacemaker'],
  ]),
  // Infections and viral hepatitis.
  ...rows('dx.hiv', SCT, SCT_RECALLED, [
    ['86406008', 'Human immunodeficiency virus infection'],
    ['165816005', 'Human immunodeficiency virus positive'],
  ]),
  ...rows('dx.hcv_chronic', SCT, SCT_RECALLED, [
    ['128302006', 'Chronic hepatitis C'],
    ['50711007', 'Viral hepatitis type C'],
  ]),
  ...rows('dx.hbv_chronic', SCT, SCT_RECALLED, [['61977001', 'Chronic type B viral hepatitis']]),
  ...rows('dx.serious_infection', SCT, SCT_RECALLED, [
    ['128477000', 'Abscess'],
    ['45816000', 'Pyelonephritis'],
    ['60168000', 'Osteomyelitis'],
    ['302939001', 'Infective arthritis'],
    ['56819008', 'Endocarditis'],
    ['28944009', 'Cytomegalovirus infection'],
    ['186431008', 'Clostridioides difficile infection'],
    ['4740000', 'Herpes zoster'],
  ]),
  ...rows('dx.varicella_history', SCT, SCT_RECALLED, [
    ['38907003', 'Varicella'],
    ['4740000', 'Herpes zoster'],
  ]),
  // Malignancy details.
  ...rows('dx.lymphoma', SCT, SCT_RECALLED, [
    ['118600007', 'Malignant lymphoma'],
    ['118599009', "Hodgkin's disease"],
    ['118601006', "Non-Hodgkin's lymphoma"],
  ]),
  ...rows('dx.malignancy', SCT, SCT_RECALLED, [
    ['118600007', 'Malignant lymphoma'],
    ['118599009', "Hodgkin's disease"],
    ['118601006', "Non-Hodgkin's lymphoma"],
    ['372244006', 'Malignant melanoma'],
  ]),
  ...rows('dx.nmsc', SCT, SCT_RECALLED, [
    ['254701007', 'Basal cell carcinoma of skin'],
    ['254651007', 'Squamous cell carcinoma of skin'],
  ]),
  // Other conditions the labels name.
  ...rows('dx.diverticulitis', SCT, SCT_RECALLED, [['307496006', 'Diverticulitis']]),
  ...rows('dx.ild', SCT, SCT_RECALLED, [['233703007', 'Interstitial lung disease']]),
  ...rows('dx.autoimmune_other', SCT, SCT_RECALLED, [
    ['32273002', 'Idiopathic thrombocytopenic purpura'],
    ['21983002', 'Hashimoto thyroiditis'],
    ['353295004', "Graves' disease"],
    ['55464009', 'Systemic lupus erythematosus'],
    ['46635009', 'Diabetes mellitus type 1'],
    ['50581000', 'Goodpasture syndrome'],
  ]),
  ...rows('dx.coagulopathy', SCT, SCT_RECALLED, [
    ['64779008', 'Blood coagulation disorder'],
    ['128105004', 'Von Willebrand disorder'],
  ]),
  ...rows('dx.uveitis', SCT, SCT_RECALLED, [['128473001', 'Uveitis']]),
  // Reproductive status.
  ...rows('finding.postmenopausal', SCT, SCT_RECALLED, [['76498008', 'Postmenopausal state']]),
  ...rows('proc.hysterectomy', SCT, SCT_RECALLED, [['236886002', 'Hysterectomy']]),
  ...rows('proc.bilateral_oophorectomy', SCT, SCT_RECALLED, [['29827000', 'Bilateral oophorectomy']]),
  ...rows('obs.pregnancy_intention', LN, 'secondary: LOINC 86645-9 "Pregnancy intention in the next year - Reported", US Core Pregnancy Intent profile', [
    ['86645-9', 'Pregnancy intention in the next year - Reported'],
  ]),
  ...rows('finding.pregnancy_planned', SCT, SCT_US_PREG, [['454381000124105', 'Wants to become pregnant']]),
  ...rows('finding.pregnancy_not_planned', SCT, SCT_US_PREG, [['454391000124108', 'Does not want to become pregnant']]),
  // Laboratory.
  ...rows('lab.neutrophils', LN, LOINC_SEEN, [
    ['751-8', 'Neutrophils [#/volume] in Blood by Automated count'],
    ['753-4', 'Neutrophils [#/volume] in Blood by Manual count'],
    ['26499-4', 'Neutrophils [#/volume] in Blood'],
  ]),
  ...rows('lab.igg', LN, LOINC_SEEN, [['2465-3', 'IgG [Mass/volume] in Serum or Plasma']]),
  ...rows('lab.creatinine_clearance', LN, LOINC_SEEN, [['2164-2', 'Creatinine renal clearance in 24 hour Urine and Serum or Plasma']]),
  ...rows('obs.qtc', LN, LOINC_SEEN, [['8636-3', 'QT interval corrected']]),
  ...rows(
    'lab.vzv_igg',
    LN,
    'secondary: LOINC numbers in public varicella-immunity value sets (19162-7 presence, 15410-4 presence by immunoassay, 5403-1/8047-3 units/volume)',
    [
      ['19162-7', 'Varicella zoster virus IgG Ab [Presence] in Serum'],
      ['15410-4', 'Varicella zoster virus IgG Ab [Presence] in Serum by Immunoassay'],
      ['5403-1', 'Varicella zoster virus IgG Ab [Units/volume] in Serum by Immunoassay'],
      ['8047-3', 'Varicella zoster virus IgG Ab [Units/volume] in Serum'],
    ],
  ),
  ...rows('lab.hcv_rna', LN, LOINC_SEEN, [['11259-9', 'Hepatitis C virus RNA [Presence] in Serum or Plasma by NAA with probe detection']]),
  ...rows('lab.hcv_ab', LN, LOINC_SEEN, [
    ['16128-1', 'Hepatitis C virus Ab [Presence] in Serum'],
    ['13955-0', 'Hepatitis C virus Ab [Presence] in Serum or Plasma by Immunoassay'],
  ]),
  ...rows('lab.hiv', LN, LOINC_SEEN, [
    ['56888-1', 'HIV 1+2 Ab+HIV1 p24 Ag [Presence] in Serum or Plasma by Immunoassay'],
    ['75622-1', 'HIV 1 and 2 Ab and HIV1 p24 Ag [Presence] in Serum or Plasma by Immunoassay'],
    ['7917-8', 'HIV 1 Ab [Presence] in Serum'],
  ]),
  // Live vaccines as SNOMED CT vaccine products (IPS / European patient summaries). Only products that are
  // live whatever the brand: "Live attenuated ..." products and antigens for which every vaccine is live
  // (measles, mumps, rubella, yellow fever, rotavirus, BCG). 836495005 (varicella-zoster antigen-containing)
  // is NOT listed: it includes the recombinant zoster vaccine.
  ...rows('vaccine.live', SCT, EHDSI_VACCINE, [
    ['871831003', 'Measles and Mumps and Rubella virus antigens only vaccine product'],
    ['871908002', 'Human alphaherpesvirus 3 and Measles and Mumps and Rubella virus antigens only vaccine product'],
    ['871765008', 'Measles morbillivirus antigen only vaccine product'],
    ['836382004', 'Measles morbillivirus antigen-containing vaccine product'],
    ['871738001', 'Live attenuated Mumps orthorubulavirus antigen only vaccine product'],
    ['836498007', 'Mumps orthorubulavirus antigen-containing vaccine product'],
    ['836388000', 'Rubella virus antigen-containing vaccine product'],
    ['2221000221107', 'Live attenuated Human alphaherpesvirus 3 only vaccine product'],
    ['1121000221106', 'Live attenuated Yellow fever virus antigen only vaccine product'],
    ['836385002', 'Yellow fever virus antigen-containing vaccine product'],
    ['1081000221109', 'Live attenuated Rotavirus antigen only vaccine product'],
    ['836387005', 'Rotavirus antigen-containing vaccine product'],
    ['1861000221106', 'Bacillus Calmette-Guerin antigen only vaccine product'],
    ['836402002', 'Bacillus Calmette-Guerin antigen-containing vaccine product'],
    ['971000221109', 'Live attenuated Salmonella Typhi antigen only vaccine product in oral dose form'],
    ['1011000221100', 'Live attenuated Vibrio cholerae antigen only vaccine product in oral dose form'],
    ['1051000221104', 'Live attenuated Human poliovirus serotypes 1 and 3 antigens only vaccine product in oral dose form'],
  ]),
  ...rows('vaccine.varicella', SCT, EHDSI_VACCINE, [
    ['871908002', 'Human alphaherpesvirus 3 and Measles and Mumps and Rubella virus antigens only vaccine product'],
    ['2221000221107', 'Live attenuated Human alphaherpesvirus 3 only vaccine product'],
  ]),
  // Live vaccines beyond CVX 03/94/21/121/37/19/25/111/149/116/119/122/174 (local.ts).
  ...rows('vaccine.live', CVX, CVX_TABLE, [
    ['04', 'measles and rubella'],
    ['05', 'measles'],
    ['06', 'rubella'],
    ['07', 'mumps'],
    ['38', 'rubella and mumps'],
  ]),
  ...rows('vaccine.varicella', CVX, CVX_TABLE, [
    ['21', 'varicella'],
    ['94', 'MMRV'],
  ]),
  ...rows('vaccine.varicella', ATC, ATC_WHO, [
    ['J07BK01', 'varicella, live attenuated'],
    ['J07BD54', 'measles, combinations with mumps, rubella and varicella, live attenuated'],
  ]),
  // Drugs the safety facts read (not in the model drug catalogue): TB prevention, antithrombotics, immunosuppressants.
  ...rows('med.tb_prophylaxis', ATC, ATC_WHO, [
    ['J04AC01', 'isoniazid'],
    ['J04AB02', 'rifampicin'],
    ['J04AB05', 'rifapentine'],
    ['J04AM02', 'rifampicin and isoniazid'],
  ]),
  ...rows('med.tb_prophylaxis', RX, RXNORM_IN, [
    ['6038', 'isoniazid'],
    ['9384', 'rifampin'],
    ['35617', 'rifapentine'],
  ]),
  ...rows('drug.mycophenolate', ATC, ATC_WHO, [['L04AA06', 'mycophenolic acid']]),
  ...rows('drug.mitoxantrone', ATC, ATC_WHO, [['L01DB07', 'mitoxantrone']]),
  ...rows('drug.cyclophosphamide', ATC, ATC_WHO, [['L01AA01', 'cyclophosphamide']]),
  ...rows('drug.mycophenolate', RX, RXNORM_IN, [['68149', 'mycophenolate mofetil']]),
  ...rows('drug.mitoxantrone', RX, RXNORM_IN, [['7005', 'mitoxantrone']]),
  ...rows('drug.cyclophosphamide', RX, RXNORM_IN, [['3002', 'cyclophosphamide']]),
  // Antithrombotics by RxNorm ingredient (ATC B01A is matched by prefix in safety/medications.ts).
  ...rows('med.antithrombotic', RX, RXNORM_IN, [
    ['1191', 'aspirin'],
    ['32968', 'clopidogrel'],
    ['1116632', 'ticagrelor'],
    ['613391', 'prasugrel'],
    ['11289', 'warfarin'],
    ['1364430', 'apixaban'],
    ['1114195', 'rivaroxaban'],
    ['1037042', 'dabigatran etexilate'],
    ['1599538', 'edoxaban'],
    ['5224', 'heparin'],
    ['67108', 'enoxaparin'],
  ]),
];

/** ICD-10 category prefixes of the safety concepts (WHO ICD-10 2019 / ICD-10-GM 2026 / ICD-10-CM 2025 share them). */
export const SAFETY_ICD10_PREFIXES: Record<string, readonly string[]> = {
  // Optic neuritis (WHO ICD-10 2019 H46; GM and CM H46.x): a demyelinating event the anti-TNF labels name.
  'dx.demyelinating': ['H46'],
  'dx.lymphoma': ['C81', 'C82', 'C83', 'C84', 'C85', 'C86', 'C88'],
  'dx.nmsc': ['C44'],
  'dx.unstable_angina': ['I20.0'],
  'dx.angina': ['I20'],
  'dx.tia': ['G45'],
  // I67.0 cerebral artery dissection; GM I72.0/I72.5 "Aneurysma und Dissektion" of carotid/precerebral arteries
  // (an aneurysm matches too: noted); CM I77.71/I77.74 carotid/vertebral artery dissection.
  'dx.arterial_dissection': ['I67.0', 'I72.0', 'I72.5', 'I77.71', 'I77.74'],
  'dx.av_block_high': ['I44.2'],
  'dx.av_block_2': ['I44.1'],
  'dx.sick_sinus': ['I49.5'],
  'finding.pacemaker': ['Z95.0', 'Z45.0'],
  // ICD-10-GM 2026 I50.11-I50.14: Linksherzinsuffizienz NYHA-Stadium I-IV (GM only; CM and WHO have no such codes).
  'finding.nyha1': ['I50.11'],
  'finding.nyha2': ['I50.12'],
  'finding.nyha3': ['I50.13'],
  'finding.nyha4': ['I50.14'],
  // ICD-10-CM 2025 acute and acute-on-chronic systolic/diastolic/combined heart failure.
  'dx.hf_decompensated': ['I50.21', 'I50.23', 'I50.31', 'I50.33', 'I50.41', 'I50.43'],
  'dx.hiv': ['B20', 'B21', 'B22', 'B23', 'B24', 'Z21'],
  'dx.hcv_chronic': ['B17.1', 'B18.2'],
  'dx.hbv_chronic': ['B18.0', 'B18.1'],
  // Abscesses (anal/rectal K61, skin L02, intestine K63.0, liver K75.0, lung J85), pyelonephritis N10,
  // osteomyelitis M86, pyogenic arthritis M00, endocarditis I33, CMV B25, C. difficile A04.7, zoster B02, meningitis G00.
  'dx.serious_infection': ['K61', 'L02', 'K63.0', 'K75.0', 'J85', 'N10', 'M86', 'M00', 'I33', 'B25', 'A04.7', 'B02', 'G00'],
  'dx.varicella_history': ['B01', 'B02'],
  // K57 is diverticular disease; which codes mean diverticulitis is decided per edition in safety/conditions.ts.
  'dx.diverticular_disease': ['K57'],
  // M05.1: rheumatoid lung disease (RA-associated ILD), WHO ICD-10 2019 / GM / CM M05.1x.
  'dx.ild': ['J84', 'M05.1'],
  'dx.autoimmune_other': ['D69.3', 'E05.0', 'E06.3', 'M31.0', 'M32', 'E10'],
  'dx.coagulopathy': ['D65', 'D66', 'D67', 'D68'],
  'dx.uveitis': ['H20', 'H30'],
  'finding.postmenopausal': ['N95.1', 'Z78.0'],
  'finding.pregnancy_planned': ['Z31.6'],
};
