import { describe, expect, it } from 'vitest';
import { echoT } from '../test-fixtures';
import { rateDefinitionNote } from './rate-definition';

const t = echoT;

describe('the unemployment rate’s two definitions', () => {
  it('says both rates of the last history year, formatted for the language', () => {
    const fc = { rateDefinition: { period: '2025', history: 2.22, forecast: 2.06 } };
    expect(rateDefinitionNote(fc, t, 'vi')).toBe('chart.rateDefinition(year=2025,history=2,22,forecast=2,06)');
    expect(rateDefinitionNote(fc, t, 'en')).toBe('chart.rateDefinition(year=2025,history=2.22,forecast=2.06)');
  });
  it('says nothing when the forecast declares no difference', () => {
    expect(rateDefinitionNote({}, t, 'vi')).toBeNull();
    expect(rateDefinitionNote(undefined, t, 'en')).toBeNull();
  });
});
