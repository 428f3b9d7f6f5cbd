import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markWhenDrawn } from './first-chart-mark';

const marked = () => performance.getEntriesByName('first-chart-data', 'mark').length;
const tick = () => new Promise((ok) => setTimeout(ok, 0));

describe('markWhenDrawn', () => {
  beforeEach(() => performance.clearMarks('first-chart-data'));
  afterEach(() => performance.clearMarks('first-chart-data'));

  it('waits for the chart’s data marks, not its frame or a bare axis', async () => {
    const body = document.createElement('div');
    document.body.append(body);
    markWhenDrawn(body);
    body.innerHTML = '<div class="recharts-wrapper"><svg class="recharts-surface"><g class="recharts-cartesian-axis"></g></svg></div>';
    await tick();
    expect(marked()).toBe(0);
    body.querySelector('svg')!.insertAdjacentHTML('beforeend', '<g class="recharts-line"><path class="recharts-curve recharts-line-curve"></path></g>');
    await tick();
    expect(marked()).toBe(1);
    body.remove();
  });

  it('marks at once when the drawing is already there, and only once per page load', async () => {
    const body = document.createElement('div');
    body.innerHTML = '<svg data-chart="tile-map"></svg>';
    markWhenDrawn(body);
    markWhenDrawn(body);
    await tick();
    expect(marked()).toBe(1);
  });

  it('stops watching when cleaned up (the chart went away before drawing)', async () => {
    const body = document.createElement('div');
    document.body.append(body);
    const stop = markWhenDrawn(body);
    stop();
    body.innerHTML = '<svg><path class="recharts-area-area"></path></svg>';
    await tick();
    expect(marked()).toBe(0);
    body.remove();
  });
});
