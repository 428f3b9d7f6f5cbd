import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { AccuracyNote } from './accuracy-note';

const accuracy = { mase: 2.27, smape: 3.1, coverage80: 0.89, coverage95: 1, naiveMase: 2.19, naiveSmape: 2.9, origins: 3 };

describe('accuracy note under a chart', () => {
  it('says when the backtest is the single-series benchmark of a forecast the system makes', () => {
    render(<AccuracyNote items={[{ label: 'Lao động có việc làm', accuracy: { ...accuracy, benchmark: 'auto' } }]} />);
    const text = screen.getByTestId('accuracy-note').textContent!;
    expect(text).toContain('MASE 2,27 (naive 2,19)');
    expect(text).toContain('làm mốc so sánh');
  });

  it('states a series method’s own backtest plainly', () => {
    render(<AccuracyNote items={[{ label: 'Tỷ lệ', accuracy }]} />);
    expect(screen.getByTestId('accuracy-note').textContent).not.toContain('mốc so sánh');
  });
});
