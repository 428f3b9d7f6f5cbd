import { describe, expect, it } from 'vitest';
import { hasIllustrative, isStatus, statusCell, STATUS_ORDER, tooltipHeading, uniqueStatuses } from './status';

const t = (key: string) => key;

describe('status vocabulary', () => {
  it('has the five statuses, strongest evidence first', () => {
    expect(STATUS_ORDER).toEqual(['official', 'international', 'survey', 'modelled', 'illustrative']);
  });
  it('keeps distinct valid statuses in order and drops unknown strings', () => {
    expect(uniqueStatuses(['illustrative', 'official', 'bogus', 'official', undefined])).toEqual(['official', 'illustrative']);
    expect(isStatus('modelled')).toBe(true);
    expect(isStatus('estimate')).toBe(false);
  });
  it('writes one CSV cell with codes joined by +', () => {
    expect(statusCell(['modelled', 'official'])).toBe('official+modelled');
    expect(statusCell([])).toBe('');
  });
  it('detects illustrative values', () => {
    expect(hasIllustrative(['official', 'illustrative'])).toBe(true);
    expect(hasIllustrative(['official'])).toBe(false);
    expect(hasIllustrative(undefined)).toBe(false);
  });
  it('tooltip headings say what a gap row rests on', () => {
    expect(tooltipHeading('C · college', { basis: ['official', 'illustrative'] }, t)).toBe(
      'C · college · status.modelled (status.restsOn: status.official, status.illustrative)',
    );
    expect(tooltipHeading('x', {}, t)).toBe('x');
  });
});
