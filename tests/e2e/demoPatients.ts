import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Bundle, Patient } from 'fhir/r4';

export interface DemoPatient {
  id: string;
  file: string;
  family: string;
  given: string;
}

/** The demo patients as the fixtures define them (what the banner must show after a launch). */
export function demoPatients(dir = resolve('sandbox/fixtures')): DemoPatient[] {
  const out: DemoPatient[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const bundle = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Bundle;
    for (const e of bundle.entry ?? []) {
      const r = e.resource;
      if (r?.resourceType !== 'Patient') continue;
      const p = r as Patient;
      const name = p.name?.find((n) => n.use === 'official') ?? p.name?.[0];
      out.push({ id: p.id ?? '', file, family: name?.family ?? '', given: name?.given?.[0] ?? '' });
    }
  }
  return out;
}
