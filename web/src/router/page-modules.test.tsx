import { Component, type ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../features/overview/overview-page', () => ({ default: () => <p>overview page</p> }));
vi.mock('../features/methodology/methodology-page', () => Promise.reject(new Error('chunk failed to load')));

const { loadPage, usePage } = await import('./page-modules');

function Slot({ id }: { id: 'overview' | 'methodology' }) {
  return usePage(id) ?? <p>loading</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>error: {this.state.error.message}</p> : this.props.children;
  }
}

describe('usePage', () => {
  it('shows the loading state, then the page once its chunk is in; later renders have it at once', async () => {
    const first = render(<Slot id="overview" />);
    expect(screen.getByText('loading')).toBeTruthy();
    expect(await screen.findByText('overview page')).toBeTruthy();
    first.unmount();
    await loadPage('overview');
    render(<Slot id="overview" />);
    expect(screen.getByText('overview page')).toBeTruthy();
  });

  it('hands a chunk that fails to load to the error boundary', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Boundary>
        <Slot id="methodology" />
      </Boundary>,
    );
    expect(await screen.findByText(/^error: /)).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });
});
