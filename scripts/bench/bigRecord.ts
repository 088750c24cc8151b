import type { Bundle, BundleEntry, Resource } from 'fhir/r4';

/**
 * A generated Crohn's disease record with `count` laboratory Observations spread over 20 years
 * (CRP, faecal calprotectin, albumin, haemoglobin, leukocytes in rotation), for load benchmarks.
 * Deterministic: the same count always gives the same bundle.
 */
export function bigRecordBundle(count = 20_000, patientId = 'bench-20k', today = new Date('2026-11-15T00:00:00Z')): Bundle {
  const entries: BundleEntry[] = [];
  const put = (r: Resource): void => {
    entries.push({ resource: r, request: { method: 'PUT', url: `${r.resourceType}/${r.id ?? ''}` } });
  };
  put({
    resourceType: 'Patient',
    id: patientId,
    name: [{ use: 'official', family: 'Benchmark', given: ['Load'] }],
    gender: 'female',
    birthDate: '1980-05-05',
  } as Resource);
  put({
    resourceType: 'Condition',
    id: `${patientId}-cd`,
    subject: { reference: `Patient/${patientId}` },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '34000006', display: "Crohn's disease" }] },
    onsetDateTime: '2006-03-01',
  } as Resource);
  const labs = [
    { code: '1988-5', display: 'C reactive protein', unit: 'mg/L', base: 8, spread: 30 },
    { code: '38445-3', display: 'Calprotectin [Mass/mass] in Stool', unit: 'ug/g', base: 100, spread: 900 },
    { code: '1751-7', display: 'Albumin', unit: 'g/L', base: 30, spread: 15 },
    { code: '718-7', display: 'Hemoglobin', unit: 'g/dL', base: 10, spread: 5 },
    { code: '6690-2', display: 'Leukocytes', unit: '10*3/uL', base: 4, spread: 8 },
  ] as const;
  const span = 20 * 365 * 86_400_000;
  for (let i = 0; i < count; i++) {
    const lab = labs[i % labs.length]!;
    const when = new Date(today.getTime() - span + Math.floor((span * i) / count));
    const wobble = ((i * 2654435761) % 1000) / 1000;
    put({
      resourceType: 'Observation',
      id: `${patientId}-o${i}`,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: lab.code, display: lab.display }] },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: when.toISOString(),
      valueQuantity: { value: Math.round((lab.base + lab.spread * wobble) * 10) / 10, unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit },
    } as Resource);
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}
