import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../api/problem';
import { QueryState } from './states';

const base = { isPending: false, isError: false, error: null, refetch: () => undefined };

describe('loading, empty and error states', () => {
  it('shows a polite loading status', () => {
    render(<QueryState status={{ ...base, isPending: true }}>data</QueryState>);
    expect(screen.getByRole('status').getAttribute('data-state')).toBe('loading');
    expect(screen.queryByText('data')).toBeNull();
  });
  it('shows the empty state when there is nothing to draw', () => {
    render(
      <QueryState status={base} empty emptyMessage="Nothing for Cà Mau">
        data
      </QueryState>,
    );
    expect(screen.getByText('Nothing for Cà Mau')).toBeTruthy();
    expect(screen.queryByText('data')).toBeNull();
  });
  it("shows the API's problem in Vietnamese, the English original as technical detail, and retries on click", () => {
    const refetch = vi.fn();
    const error = new ApiError({
      type: '/api/problems/unknown-code',
      title: 'Unknown code',
      status: 400,
      detail: "region: unknown code 'XX'; expected VN, NMM, …",
    });
    render(<QueryState status={{ ...base, isError: true, error, refetch }}>data</QueryState>);
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('.problem-title')?.textContent).toBe('400 · Mã không có trong danh mục');
    expect(alert.querySelector('.problem-detail')?.textContent).toContain('không có trong danh mục hiện hành');
    // The API's English stays available, marked as English, inside a closed disclosure.
    const technical = alert.querySelector('details.problem-technical');
    expect(technical?.hasAttribute('open')).toBe(false);
    expect(technical?.querySelector('[lang="en"]')?.textContent).toContain("unknown code 'XX'");
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });
  it('renders the children when data is there', () => {
    render(<QueryState status={base}>data</QueryState>);
    expect(screen.getByText('data')).toBeTruthy();
  });
});
