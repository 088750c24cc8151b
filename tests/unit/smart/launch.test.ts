// @vitest-environment jsdom
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LaunchError } from '@src/smart/errors.ts';
import { prepareAuthorization } from '@src/smart/launch.ts';
import { parseSettings } from '@src/smart/settings.ts';

/** A FHIR base whose SMART configuration offers only the PKCE methods given per path. */
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const methods = req.url?.startsWith('/plain/') ? ['plain'] : req.url?.startsWith('/none/') ? [] : ['S256'];
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(
      JSON.stringify({
        authorization_endpoint: `${origin}/authorize`,
        token_endpoint: `${origin}/token`,
        capabilities: ['launch-ehr', 'permission-v2'],
        code_challenge_methods_supported: methods,
      }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((ok) => server.close(() => ok()));
});

describe('PKCE: S256 whenever the server offers it, a clear refusal when the deployment requires it', () => {
  it.each([
    ['plain only', 'plain'],
    ['no method advertised', 'none'],
  ])('refuses a server with %s when pkceMode is required', async (_name, path) => {
    const settings = parseSettings({ allowedFhirServers: [`${origin}/${path}/fhir`], pkceMode: 'required' });
    const launch = prepareAuthorization({ iss: `${origin}/${path}/fhir`, launch: 'x' }, settings, 'http://app.test/launch.html');
    await expect(launch).rejects.toThrow(LaunchError);
    await expect(launch).rejects.toMatchObject({ code: 'pkce-unsupported' });
  });

  it('sends an S256 challenge to a server that offers it', async () => {
    const settings = parseSettings({ allowedFhirServers: [`${origin}/s256/fhir`] });
    const url = new URL(await prepareAuthorization({ iss: `${origin}/s256/fhir`, launch: 'x' }, settings, 'http://app.test/launch.html'));
    expect(url.origin + url.pathname).toBe(`${origin}/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('launch')).toBe('x');
    expect(url.searchParams.get('aud')).toBe(`${origin}/s256/fhir`);
  });
});
