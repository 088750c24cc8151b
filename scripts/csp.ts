/**
 * npm run csp -- [dist/config.json]: prints the Content-Security-Policy header for the deployment
 * described by config.json (see README, "Launching it from a real EHR").
 */
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy } from '../src/smart/contentSecurityPolicy.ts';
import { parseSettings } from '../src/smart/settings.ts';

const file = process.argv[2] ?? 'dist/config.json';
process.stdout.write(`Content-Security-Policy: ${contentSecurityPolicy(parseSettings(JSON.parse(readFileSync(file, 'utf8'))))}\n`);
