import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { ChartFrameFoot } from './chart-frame-foot';

const foot = (over: Partial<Parameters<typeof ChartFrameFoot>[0]> = {}) =>
  render(
    <figure>
      <ChartFrameFoot notes={['Đứt gãy 2021']} footnote={<em>MASE 0,8</em>} source="GSO LFS" showNotes hasData shown={['official']} restsOn={[]} {...over} />
    </figure>,
  );

describe('ChartFrameFoot', () => {
  it('shows notes only while the chart is shown, the footnote only with data', () => {
    expect(foot().container.querySelector('[data-chart-note]')?.textContent).toBe('Đứt gãy 2021');
    expect(foot({ showNotes: false }).container.querySelector('[data-chart-note]')).toBeNull();
    expect(foot({ hasData: false }).container.querySelector('em')).toBeNull();
  });
  it('shortens a long citation at a word and keeps it whole behind a disclosure', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Nguồn ${i}`).join(' · ');
    const { container } = foot({ source: long });
    const caption = container.querySelector('figcaption')!;
    expect(caption.querySelector('details')!.textContent).toContain(long);
    const shown = caption.textContent!.split('…')[0];
    expect(shown.length).toBeLessThan(long.length);
    expect(shown.endsWith(' ')).toBe(false);
    expect(foot({ source: 'GSO LFS' }).container.querySelector('details')).toBeNull();
  });
});
