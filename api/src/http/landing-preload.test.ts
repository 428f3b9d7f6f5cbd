import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { landingLink, landingRequestsReader, type LandingRequests } from './landing-preload';

const LIST: LandingRequests = {
  params: { page: ['overview'], lang: ['vi', 'en'], scenario: ['baseline'], horizon: ['10'] },
  urls: ['/api/forecasts?indicator=employment&region=VN&horizon=10&levels=80%2C95', '/api/forecasts?indicator=labour_force&region=VN'],
};
const q = (s: string) => new URLSearchParams(s);

describe('landingLink', () => {
  it('preloads every listed URL as a CORS fetch on the landing view, whatever the language', () => {
    const expected =
      '</api/forecasts?indicator=employment&region=VN&horizon=10&levels=80%2C95>; rel=preload; as=fetch; crossorigin, </api/forecasts?indicator=labour_force&region=VN>; rel=preload; as=fetch; crossorigin';
    for (const search of ['', 'page=overview', 'lang=en', 'page=overview&lang=vi&scenario=baseline&horizon=10'])
      expect(landingLink(LIST, q(search)), search).toBe(expected);
  });

  it('preloads nothing for another view: another page, scenario, horizon or any other parameter', () => {
    for (const search of ['page=regions', 'scenario=s-1', 'horizon=5', 'lang=fr', 'region=01', 'compare', 'page=overview&sector=C'])
      expect(landingLink(LIST, q(search)), search).toBeUndefined();
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((k) => !(k in LIST.params)),
        fc.string(),
        (key, value) => {
          expect(landingLink(LIST, q(new URLSearchParams([[key, value]]).toString()))).toBeUndefined();
        },
      ),
    );
  });

  it('sends only same-origin API paths with header-safe characters', () => {
    const list = {
      params: {},
      urls: ['https://evil.example/x', '//evil.example/x', '/api/ok?a=1', '/api/bad>; rel=stylesheet', '/assets/x.js', 7 as unknown as string],
    };
    expect(landingLink(list, q(''))).toBe('</api/ok?a=1>; rel=preload; as=fetch; crossorigin');
    expect(landingLink({ params: {}, urls: [] }, q(''))).toBeUndefined();
    expect(landingLink(undefined, q(''))).toBeUndefined();
  });
});

describe('landingRequestsReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lmo-landing-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the build’s list, again when it changes; undefined when missing or broken', () => {
    const read = landingRequestsReader(dir);
    expect(read()).toBeUndefined();
    writeFileSync(join(dir, 'landing-requests.json'), JSON.stringify(LIST));
    expect(read()).toEqual(LIST);
    writeFileSync(join(dir, 'landing-requests.json'), JSON.stringify({ ...LIST, urls: ['/api/meta', '/api/x'] }));
    expect(read()?.urls).toEqual(['/api/meta', '/api/x']);
    writeFileSync(join(dir, 'landing-requests.json'), '{ not json');
    expect(read()).toBeUndefined();
  });
});
