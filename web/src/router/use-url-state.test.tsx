import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Link } from './link';
import { navigate, useUrlState } from './use-url-state';

function Probe() {
  const [state] = useUrlState();
  return (
    <div>
      <span data-testid="state">{`${state.page}|${state.lang}|${state.horizon}|${state.region ?? '-'}`}</span>
      <Link to={{ page: 'training', region: '79' }}>go</Link>
    </div>
  );
}

describe('useUrlState', () => {
  it('reads the view from the URL and re-renders on navigation and Back', async () => {
    window.history.replaceState(null, '', '/?page=regions&lang=en&horizon=3');
    render(<Probe />);
    expect(screen.getByTestId('state').textContent).toBe('regions|en|3|-');
    act(() => navigate({ region: '01' }));
    expect(window.location.search).toBe('?page=regions&lang=en&horizon=3&region=01');
    expect(screen.getByTestId('state').textContent).toBe('regions|en|3|01');
    await act(async () => {
      window.history.back();
      await new Promise((ok) => setTimeout(ok, 50));
    });
    expect(screen.getByTestId('state').textContent).toBe('regions|en|3|-');
  });
  it('renders links with a shareable href and navigates in-app on click', () => {
    window.history.replaceState(null, '', '/?lang=en');
    render(<Probe />);
    const link = screen.getByRole('link', { name: 'go' });
    expect(link.getAttribute('href')).toBe('?page=training&lang=en&region=79');
    act(() => {
      fireEvent.click(link);
    });
    expect(screen.getByTestId('state').textContent).toBe('training|en|10|79');
  });
});
