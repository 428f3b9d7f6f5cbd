import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PageErrorBoundary } from './error-boundary';

function Boom(): never {
  throw new Error('chunk failed');
}

describe('page error boundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the error for the page that failed and clears it when another page opens', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender, container } = render(
      <PageErrorBoundary resetKey="overview">
        <Boom />
      </PageErrorBoundary>,
    );
    expect(container.querySelector('[data-state="error"]')).not.toBeNull();
    // Same page, a render without the fault: the error stays until the reader leaves or reloads.
    rerender(
      <PageErrorBoundary resetKey="overview">
        <p>trang</p>
      </PageErrorBoundary>,
    );
    expect(screen.queryByText('trang')).toBeNull();
    rerender(
      <PageErrorBoundary resetKey="regions">
        <p>trang</p>
      </PageErrorBoundary>,
    );
    expect(screen.getByText('trang')).toBeTruthy();
    expect(container.querySelector('[data-state="error"]')).toBeNull();
  });
});
