/**
 * German texts of the safety flags (Fachinformation wording), `safety.<ruleId>.<variant>`; the English
 * reference is src/rules/safety/messages.ts (+ messages.more.ts). Clinical content is that of the rule table.
 */
import type { SafetyTexts } from './safety.types.ts';

const HF_DE = 'Herzinsuffizienz-Status (NYHA-Klasse) {gap}: vor Therapiebeginn mit {drug} abklären.';
const HBV_DE = 'Hepatitis-B-Status unbekannt (HBsAg {gap}): vor Therapiebeginn mit {drug} Hepatitis-B-Serologie bestimmen (HBsAg und Anti-HBc).';
const LY_DE = 'Lymphozytenzahl {gap}: vor Therapiebeginn mit {drug} ist ein aktuelles Blutbild nötig.';
const HF_NOCLASS_DE = (classes: string) =>
  `Herzinsuffizienz ohne NYHA-Klasse dokumentiert: vor Therapiebeginn mit {drug} die Klasse dokumentieren (kontraindiziert bei NYHA ${classes}).`;
const LAB_DE = (what: string) => `${what} {gap}: vor Therapiebeginn mit {drug} ist ein aktueller Befund nötig (Grenzwert {limit}).`;
const ONLY_DE = 'nur anwenden, wenn es keine geeignete Alternative gibt';
export const de: SafetyTexts = {
  'anti-tnf-hf-severe': {
    'class-unknown': HF_NOCLASS_DE('III/IV'),
    triggered: 'Herzinsuffizienz NYHA-Klasse {nyha} ({date}): {drug} ist bei mittelschwerer bis schwerer Herzinsuffizienz (NYHA III/IV) kontraindiziert.',
    unknown: HF_DE,
  },
  'anti-tnf-hf-mild': {
    'class-unknown':
      'Herzinsuffizienz dokumentiert (NYHA-Klasse nicht dokumentiert): {drug} mit Vorsicht anwenden und bei Verschlechterung der Herzinsuffizienz absetzen.',
    triggered: 'Leichte Herzinsuffizienz (NYHA-Klasse {nyha}): {drug} mit Vorsicht anwenden und bei Verschlechterung der Herzinsuffizienz absetzen.',
    unknown: HF_DE,
  },
  'etanercept-hf': {
    'class-unknown':
      'Herzinsuffizienz dokumentiert (NYHA-Klasse nicht dokumentiert): {drug} mit Vorsicht anwenden; auf eine Verschlechterung der Herzinsuffizienz achten.',
    triggered: 'Herzinsuffizienz (NYHA-Klasse {nyha}): {drug} mit Vorsicht anwenden; auf eine Verschlechterung der Herzinsuffizienz achten.',
    unknown: HF_DE,
  },
  's1p-heart-failure': {
    'class-unknown': HF_NOCLASS_DE('III/IV'),
    triggered: 'Herzinsuffizienz NYHA-Klasse {nyha}: {drug} ist bei Herzinsuffizienz NYHA III/IV kontraindiziert.',
    unknown: HF_DE,
  },
  'anti-tnf-demyelinating': {
    triggered:
      'Demyelinisierende Erkrankung dokumentiert ({date}): eine Anti-TNF-Therapie kann sie verschlechtern; {drug} nur einsetzen, wenn es keine geeignete Alternative gibt.',
    unknown: 'Demyelinisierende Erkrankung {gap}: vor Therapiebeginn mit {drug} die Anamnese prüfen.',
  },
  'tb-active': {
    triggered: 'Aktive Tuberkulose dokumentiert ({date}): {drug} ist bis zur Behandlung der Tuberkulose kontraindiziert.',
    unknown: 'Status aktive Tuberkulose {gap}: vor Therapiebeginn mit {drug} eine aktive Tuberkulose ausschließen.',
  },
  'tb-latent': {
    triggered:
      'Latente Tuberkulose oder positives Tuberkulose-Screening ({date}), keine präventive Behandlung dokumentiert: vor {drug} eine aktive Tuberkulose ausschließen und die Behandlung der latenten Tuberkulose beginnen.',
    unknown: 'Status latente Tuberkulose {gap}: vor Therapiebeginn mit {drug} ein Tuberkulose-Screening durchführen.',
  },
  'tb-screening': {
    triggered: 'Tuberkulose-Screening unbestimmt ({date}): vor Therapiebeginn mit {drug} wiederholen oder abklären.',
    unknown: 'Ergebnis des Tuberkulose-Screenings {gap}: vor Therapiebeginn mit {drug} ein Screening durchführen.',
  },
  'hbv-hbsag': {
    chronic:
      'Chronische Hepatitis B dokumentiert ({date}): {drug} nur beginnen, wenn es keine geeignete Alternative gibt, mit hepatologischer Mitbetreuung und antiviraler Prophylaxe.',
    triggered:
      'HBsAg positiv ({date}): {drug} nur beginnen, wenn es keine geeignete Alternative gibt, mit hepatologischer Mitbetreuung und antiviraler Prophylaxe.',
    unknown: HBV_DE,
  },
  'anti-cd20-hbsag': {
    chronic: 'Chronische Hepatitis B dokumentiert ({date}): {drug} darf bei aktiver Hepatitis B nicht angewendet werden; Vorstellung in der Hepatologie.',
    triggered: 'HBsAg positiv ({date}): {drug} darf bei aktiver Hepatitis B nicht angewendet werden; Vorstellung in der Hepatologie.',
    unknown: HBV_DE,
  },
  'hbv-anti-hbc': {
    triggered:
      'Anti-HBc positiv ({date}): Risiko einer Hepatitis-B-Reaktivierung unter {drug}; HBV-DNA überwachen oder nach hepatologischer Beratung eine Prophylaxe geben.',
    'anti-cd20':
      'Anti-HBc positiv ({date}): hohes Risiko einer Hepatitis-B-Reaktivierung unter {drug}; eine antivirale Prophylaxe wird empfohlen, mit hepatologischer Beratung.',
    unknown: 'Anti-HBc {gap}: vor Therapiebeginn mit {drug} bestimmen (ein negatives HBsAg allein schließt eine durchgemachte Infektion nicht aus).',
  },
  'jak-age': {
    triggered: `Alter {age} Jahre (65 oder älter): {drug} ${ONLY_DE} (EMA 2022).`,
    unknown: 'Alter {gap}: JAK-Inhibitoren sind ab 65 Jahren eingeschränkt; vor Therapiebeginn mit {drug} prüfen.',
  },
  'jak-smoking': {
    triggered: `Aktuell rauchend: {drug} ${ONLY_DE} (EMA 2022).`,
    former: `Früher rauchend: bei langjährigem Rauchen {drug} ${ONLY_DE} (EMA 2022).`,
    unknown: 'Raucheranamnese {gap}: vor Therapiebeginn mit {drug} erfragen (eingeschränkt bei aktuellem oder langjährigem Rauchen).',
  },
  'jak-cv-risk': {
    triggered: `Kardiovaskuläre Risikofaktoren ({factors}): {drug} ${ONLY_DE} (EMA 2022).`,
    unknown: 'Kardiovaskuläres Risiko {gap}: vor Therapiebeginn mit {drug} beurteilen.',
  },
  'jak-malignancy': {
    triggered: `Maligne Erkrankung dokumentiert ({date}): {drug} ${ONLY_DE} (EMA 2022).`,
    unknown: 'Malignom-Anamnese {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'jak-vte': {
    triggered: 'Venöse Thromboembolie dokumentiert ({date}): {drug} mit Vorsicht anwenden (EMA 2022).',
    unknown: 'Anamnese venöser Thromboembolien {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'natalizumab-jcv': {
    triggered:
      'JC-Virus-Antikörper positiv, Index {index}: das PML-Risiko steigt mit dem Index, mit einer Behandlung über 2 Jahre und nach Immunsuppressiva; Index bestimmen.',
    'index-low': 'JC-Virus-Antikörper positiv, Index {index} (0,9 oder niedriger): geringeres PML-Risiko; Index alle 6 Monate erneut bestimmen.',
    'index-intermediate':
      'JC-Virus-Antikörper positiv, Index {index} (über 0,9 bis 1,5): mittleres PML-Risiko; alle 6 Monate erneut testen und nach 2 Behandlungsjahren neu bewerten.',
    'index-high': 'JC-Virus-Antikörper positiv, Index {index} (über 1,5): hohes PML-Risiko nach 2 Behandlungsjahren; Nutzen und Risiko vor {drug} besprechen.',
    unknown: 'JC-Virus-Antikörperstatus {gap}: vor Therapiebeginn mit {drug} testen (alle 6 Monate wiederholen).',
  },
  'natalizumab-pml-high': {
    'prior-immunosuppressant':
      'Höchste PML-Risikogruppe: JC-Virus-Antikörper positiv, frühere Immunsuppressiva und {months} Monate unter {drug} (über 24): nur fortsetzen, wenn es keine geeignete Alternative gibt.',
    triggered:
      'Höchste PML-Risikogruppe: JC-Virus-Index {index} (über 1,5) und {months} Monate unter {drug} (über 24): nur fortsetzen, wenn es keine geeignete Alternative gibt.',
    unknown: 'PML-Risikogruppe nicht bestimmbar ({gap}): JC-Virus-Index und Behandlungsdauer mit {drug} dokumentieren.',
  },
  'pregnancy-contraindicated': {
    triggered: 'Schwangerschaft dokumentiert ({date}): {drug} ist in der Schwangerschaft kontraindiziert.',
    unknown:
      'Schwangerschaftsstatus {gap}: vor Therapiebeginn mit {drug} eine Schwangerschaft ausschließen (in der Schwangerschaft kontraindiziert; {washout}).',
  },
  'pregnancy-planned-washout': {
    triggered:
      'Kinderwunsch: {drug} ist in der Schwangerschaft kontraindiziert und erfordert eine Auswaschphase ({washout}); eine mit Schwangerschaft vereinbare Option bevorzugen.',
    unknown: 'Kinderwunsch {gap}: vor Therapiebeginn mit {drug} erfragen (in der Schwangerschaft kontraindiziert; {washout}).',
  },
  'lymphocytes-do-not-start': {
    triggered: 'Lymphozyten {value} x10^9/L ({date}) unter {min}: {drug} nicht beginnen ({basis}).',
    unknown: 'Lymphozytenzahl {gap}: vor Therapiebeginn mit {drug} ist ein aktuelles Blutbild nötig (mindestens {min} x10^9/L).',
  },
  'fumarate-lymphopenia-severe': {
    triggered:
      'Lymphozyten {value} x10^9/L ({date}) unter 0,5: bei diesem Wert wird {drug} unterbrochen; nur beginnen, wenn es keine geeignete Alternative gibt.',
    unknown: LY_DE,
  },
  'lymphopenia-below-normal': {
    triggered: 'Lymphozyten {value} x10^9/L ({date}) unter dem Normbereich ({min}): vor Therapiebeginn mit {drug} die Ursache klären und die Werte überwachen.',
    unknown: LY_DE,
  },
  'jak-haemoglobin': {
    triggered: 'Hämoglobin {value} g/dL ({date}) unter {min}: {drug} nicht beginnen ({basis}).',
    unknown: 'Hämoglobin {gap}: vor Therapiebeginn mit {drug} ist ein aktuelles Blutbild nötig (Hämoglobin mindestens {min} g/dL).',
  },
  'live-vaccine-recent': {
    triggered: 'Lebendimpfung am {date}: {drug} bis {until} aufschieben ({waitDays} Tage danach; noch {daysLeft} Tage).',
    undated: 'Lebendimpfung in den letzten 6 Wochen (Datum nicht dokumentiert): {drug} bis {waitDays} Tage nach der Impfung aufschieben.',
    unknown: 'Kürzliche Lebendimpfungen {gap}: vor Therapiebeginn mit {drug} erfragen (mindestens 4 Wochen Abstand nach einer Lebendimpfung).',
  },
  'serious-infection-active': {
    triggered: 'Aktive schwere Infektion dokumentiert ({date}): {drug} erst nach Abheilung der Infektion beginnen.',
    unknown: 'Status aktive schwere Infektion {gap}: vor Therapiebeginn mit {drug} eine aktive Infektion ausschließen.',
  },
  'tb-latent-on-prophylaxis': {
    triggered:
      'Latente Tuberkulose, präventive Behandlung begonnen ({date}): {drug} kann beginnen; die Behandlung abschließen und auf eine aktive Tuberkulose achten.',
    unknown: 'Status latente Tuberkulose {gap}: vor Therapiebeginn mit {drug} ein Tuberkulose-Screening durchführen.',
  },
  'malignancy-active': {
    triggered: 'Aktive maligne Erkrankung dokumentiert ({date}): {drug} ist bei aktiver maligner Erkrankung kontraindiziert.',
    unknown: 'Aktive maligne Erkrankung {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'alemtuzumab-malignancy': {
    triggered: 'Maligne Erkrankung dokumentiert ({date}): {drug} bei vorbestehender oder bestehender maligner Erkrankung mit Vorsicht anwenden.',
    unknown: 'Malignom-Anamnese {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  's1p-lymphopenia': {
    triggered:
      'Lymphozyten {value} x10^9/L ({date}) unter 0,5 (Lymphopenie Grad 3): {drug} senkt die Werte weiter; vor Beginn die Ursache klären und engmaschig überwachen.',
    unknown: LY_DE,
  },
  'anti-tnf-malignancy-history': {
    triggered: 'Maligne Erkrankung in der Anamnese ({date}): {drug} mit Vorsicht anwenden (TNF-Blockade und Malignome).',
    lymphoma: 'Lymphom in der Anamnese ({date}): {drug} mit Vorsicht anwenden; das Lymphomrisiko der TNF-Blockade abwägen.',
    unknown: 'Malignom-Anamnese {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'rituximab-hf-severe': {
    triggered: 'Herzinsuffizienz NYHA-Klasse {nyha}: {drug} ist bei schwerer Herzinsuffizienz (NYHA IV) kontraindiziert.',
    'class-unknown': HF_NOCLASS_DE('IV'),
    unknown: HF_DE,
  },
  's1p-cardiac-event': {
    triggered:
      'Myokardinfarkt, instabile Angina pectoris, Schlaganfall/TIA oder dekompensierte Herzinsuffizienz in den letzten 6 Monaten ({date}): {drug} ist kontraindiziert.',
    unknown: 'Kardiale und zerebrovaskuläre Ereignisse der letzten 6 Monate {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  's1p-conduction-block': {
    triggered: 'AV-Block II. Grades Typ Mobitz II, AV-Block III. Grades oder Sick-Sinus-Syndrom ohne Herzschrittmacher ({date}): {drug} ist kontraindiziert.',
    unknown: 'Erregungsleitungsstörungen {gap}: vor Therapiebeginn mit {drug} ist ein EKG nötig.',
  },
  's1p-qtc-contraindicated': {
    triggered: 'QTc {value} ms ({date}), 500 ms oder länger: {drug} ist kontraindiziert.',
    unknown: 'QTc {gap}: vor Therapiebeginn mit {drug} ist ein EKG nötig.',
  },
  's1p-qtc-caution': {
    triggered: 'QTc {value} ms ({date}), 500 ms oder länger: kardiologischen Rat einholen und die Erstgabe von {drug} überwachen.',
    unknown: 'QTc {gap}: vor Therapiebeginn mit {drug} ist ein EKG nötig.',
  },
  'chronic-infection-active': {
    triggered: 'Chronische Hepatitis-B-Infektion ({date}): {drug} ist bei aktiver chronischer Infektion kontraindiziert.',
    hcv: 'Aktive oder chronische Hepatitis C ({date}): {drug} ist bei aktiver chronischer Infektion kontraindiziert.',
    unknown: 'Status chronische Hepatitis {gap}: vor Therapiebeginn mit {drug} auf Hepatitis B und C testen.',
  },
  'vzv-non-immune': {
    triggered: 'Keine Immunität gegen Varizella-Zoster ({date}): vor {drug} impfen und vor der ersten Dosis abwarten.',
    unknown: 'Varizella-Zoster-Immunität {gap}: vor Therapiebeginn mit {drug} VZV-IgG bestimmen (außer bei dokumentierter Erkrankung oder 2 Impfdosen).',
  },
  's1p-macular-oedema': {
    triggered: 'Diabetes mellitus oder Uveitis dokumentiert ({date}): augenärztliche Untersuchung vor {drug} und während der Behandlung (Makulaödem).',
    unknown: 'Diabetes- und Uveitis-Status {gap}: vor Therapiebeginn mit {drug} prüfen (Risiko eines Makulaödems).',
  },
  'natalizumab-prior-immunosuppressant': {
    triggered: 'JC-Virus-Antikörper positiv nach früheren Immunsuppressiva: höheres PML-Risiko unter {drug}; der Index stuft diese Personen nicht ab.',
    unknown: 'Frühere Immunsuppressiva {gap}: vor Therapiebeginn mit {drug} erfragen (PML-Risikogruppe).',
  },
  'natalizumab-jcv-repeat': {
    triggered: 'JC-Virus-Befund vom {date} ist älter als 6 Monate: wiederholen; seine Risikogruppe gilt bis zu einem neueren Befund weiter.',
    unknown: 'JC-Virus-Antikörperstatus {gap}: vor Therapiebeginn mit {drug} testen.',
  },
  'hiv-positive': {
    triggered: 'HIV-Infektion dokumentiert ({date}): {drug} ist kontraindiziert.',
    unknown: 'HIV-Status {gap}: vor Therapiebeginn mit {drug} testen.',
  },
  'jak-hcv': {
    triggered: 'Aktive oder chronische Hepatitis C ({date}): {drug} nur mit hepatologischer Beratung beginnen (Virusreaktivierung).',
    unknown: 'Hepatitis-C-Status {gap}: vor Therapiebeginn mit {drug} auf Virushepatitis untersuchen.',
  },
  'alemtuzumab-vascular': {
    triggered: 'Schlaganfall, Angina pectoris, Myokardinfarkt oder Arteriendissektion in der Anamnese ({date}): {drug} ist kontraindiziert.',
    unknown: 'Anamnese von Schlaganfall, Angina pectoris, Myokardinfarkt oder Arteriendissektion {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'alemtuzumab-autoimmune': {
    triggered: 'Andere Autoimmunerkrankung als MS dokumentiert ({date}): {drug} ist kontraindiziert.',
    unknown: 'Andere Autoimmunerkrankungen {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'alemtuzumab-coagulopathy': {
    triggered: 'Gerinnungsstörung oder Thrombozytenaggregationshemmer/Antikoagulation ({date}): {drug} ist kontraindiziert.',
    unknown: 'Gerinnungsstörung und antithrombotische Therapie {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'anti-cd20-igg': {
    triggered:
      'IgG {value} g/L ({date}) unter {limit}: eine Hypogammaglobulinämie erhöht das Infektionsrisiko unter {drug}; vor Therapiebeginn fachärztlichen Rat einholen.',
    unknown: LAB_DE('IgG'),
  },
  'interstitial-lung-disease': {
    triggered:
      'Interstitielle Lungenerkrankung dokumentiert ({date}): {drug} mit Vorsicht anwenden (pulmonale Toxizität); Lungenfunktion und fachärztliche Beurteilung.',
    unknown: 'Interstitielle Lungenerkrankung {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'gi-perforation-diverticulitis': {
    triggered: 'Divertikulitis in der Anamnese ({date}): {drug} mit Vorsicht anwenden (gastrointestinale Perforation).',
    unknown: 'Divertikulitis-Anamnese {gap}: vor Therapiebeginn mit {drug} prüfen.',
  },
  'cladribine-male-contraception': {
    triggered:
      'Männlicher Patient: wirksame Verhütung einer Schwangerschaft der Partnerin während der Behandlung mit {drug} und mindestens 6 Monate nach der letzten Dosis.',
    unknown: 'Geschlecht {gap}: vor Therapiebeginn mit {drug} zur Verhütung beraten (Frauen und Männer).',
  },
  'liver-do-not-start': {
    triggered: 'Transaminasen {value} x ULN ({date}), über {limit} x ULN: {drug} nicht beginnen.',
    unknown: LAB_DE('Leberwerte (ALT/AST)'),
  },
  'liver-not-recommended': {
    triggered: `Transaminasen {value} x ULN ({date}), über {limit} x ULN: Beginn mit {drug} nicht empfohlen; ${ONLY_DE}.`,
    unknown: LAB_DE('Leberwerte (ALT/AST)'),
  },
  'liver-caution': {
    triggered: 'Transaminasen {value} x ULN ({date}), über {limit} x ULN: Ursache klären und Leberwerte bei Beginn mit {drug} engmaschig kontrollieren.',
    unknown: LAB_DE('Leberwerte (ALT/AST)'),
  },
  'renal-contraindicated': {
    triggered: 'eGFR {value} mL/min/1,73 m² ({date}), unter {limit}: {drug} ist kontraindiziert.',
    unknown: LAB_DE('Nierenfunktion (eGFR)'),
  },
  'renal-not-recommended': {
    triggered: `eGFR {value} mL/min/1,73 m² ({date}), unter {limit}: {drug} nicht empfohlen; ${ONLY_DE}.`,
    unknown: LAB_DE('Nierenfunktion (eGFR)'),
  },
  'renal-dose-reduce': {
    triggered: 'eGFR {value} mL/min/1,73 m² ({date}), unter {limit}: Dosis von {drug} gemäß Fachinformation reduzieren.',
    unknown: LAB_DE('Nierenfunktion (eGFR)'),
  },
  'neutrophils-do-not-start': { triggered: 'Neutrophile {value} x10^9/L ({date}), unter {limit}: {drug} nicht beginnen.', unknown: LAB_DE('Neutrophilenzahl') },
  'neutrophils-not-recommended': {
    triggered: `Neutrophile {value} x10^9/L ({date}), unter {limit}: Beginn mit {drug} nicht empfohlen; ${ONLY_DE}.`,
    unknown: LAB_DE('Neutrophilenzahl'),
  },
  'neutrophils-caution': {
    triggered: 'Neutrophile {value} x10^9/L ({date}), unter {limit}: {drug} mit Vorsicht beginnen und das Blutbild überwachen.',
    unknown: LAB_DE('Neutrophilenzahl'),
  },
  'platelets-do-not-start': { triggered: 'Thrombozyten {value} x10^9/L ({date}), unter {limit}: {drug} nicht beginnen.', unknown: LAB_DE('Thrombozytenzahl') },
  'platelets-not-recommended': {
    triggered: `Thrombozyten {value} x10^9/L ({date}), unter {limit}: Beginn mit {drug} nicht empfohlen; ${ONLY_DE}.`,
    unknown: LAB_DE('Thrombozytenzahl'),
  },
  'platelets-caution': {
    triggered: 'Thrombozyten {value} x10^9/L ({date}), unter {limit}: {drug} mit Vorsicht beginnen und das Blutbild überwachen.',
    unknown: LAB_DE('Thrombozytenzahl'),
  },
  'drug-not-in-catalogue': {
    triggered: '{drug} ist nicht im Arzneimittelkatalog: es wurden keine Sicherheitsregeln geprüft; Fachinformation beachten.',
    unknown: '{drug} ist nicht im Arzneimittelkatalog: es wurden keine Sicherheitsregeln geprüft; Fachinformation beachten.',
  },
};
