import { beforeAll, describe, expect, it } from 'vitest';
import { lintOpenApi, openApiDocument } from './lint-openapi';

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, { content?: Record<string, unknown> }>; description?: string };
let doc: Record<string, any>;
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
  );

beforeAll(async () => {
  doc = await openApiDocument();
});

describe('/api/openapi.json as tools read it', () => {
  it("lints with Redocly's recommended rules without an error", async () => {
    const errors = (await lintOpenApi(doc)).filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  }, 60_000);

  it('the lint catches a missing security declaration (so the test above can fail)', async () => {
    const broken = structuredClone(doc);
    delete broken.paths['/api/gaps'].get.security;
    const errors = (await lintOpenApi(broken)).filter((p) => p.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'security-defined', pointer: '#/paths/~1api~1gaps/get' })]);
  }, 60_000);

  it('declares the bearer scheme; analyst and admin operations need it, public reads say when they are public', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const byId = Object.fromEntries(operations().map(({ id, op }) => [id, op]));
    for (const id of [
      'POST /api/uploads',
      'POST /api/versions/{id}/rollback',
      'GET /api/audit',
      'GET /api/tokens',
      'POST /api/tokens',
      'DELETE /api/tokens/{id}',
    ]) {
      expect(byId[id].security, id).toEqual([{ bearer: [] }]);
      expect(Object.keys(byId[id].responses), id).toEqual(expect.arrayContaining(['401', '403', '429']));
    }
    for (const id of [
      'GET /api/meta',
      'GET /api/gaps',
      'GET /api/forecasts',
      'GET /api/export.csv',
      'POST /api/scenarios',
      'GET /api/versions',
      'GET /api/session',
    ]) {
      // Anonymous allowed ({}), a token accepted (and needed once PUBLIC_READ is off).
      expect(byId[id].security, id).toEqual([{}, { bearer: [] }]);
      expect(byId[id].description, id).toContain('PUBLIC_READ');
      expect(byId[id].responses, id).toHaveProperty('401');
    }
    expect(byId['GET /api/health'].security).toEqual([]);
  });

  it('every operation declares its problems as problem+json, and a 4xx wherever one can happen', () => {
    for (const { id, op } of operations()) {
      expect(op.security, id).toBeDefined();
      const problems = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      for (const [status, response] of problems) expect(Object.keys(response.content ?? {}), `${id} ${status}`).toEqual(['application/problem+json']);
      // Health is always open and takes no input: nothing a client sends can make it a 4xx.
      if (id !== 'GET /api/health')
        expect(
          problems.some(([status]) => status.startsWith('4')),
          id,
        ).toBe(true);
    }
  });
});
