import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import i18n from 'i18next';
import { VersionBy } from './version-by';
import type { VersionInfo } from './queries';

const version = (over: Partial<VersionInfo>): VersionInfo =>
  ({
    id: 7,
    label: 'long upload',
    kind: 'upload',
    hash: 'h',
    rowCount: 10,
    parentId: 6,
    createdAt: '2026-01-01T00:00:00Z',
    computedAt: null,
    computeMs: null,
    createdBy: 'token:3',
    isCurrent: true,
    by: null,
    areas: null,
    ...over,
  }) as VersionInfo;

describe('who made a version, for which areas', () => {
  it('shows the token name, its scope and the areas of the upload', async () => {
    await i18n.changeLanguage('vi');
    render(<VersionBy version={version({ by: { actor: 'token:3', kind: 'token', tokenId: 3, name: 'Sở LĐ Hà Nội', scope: ['01'] }, areas: ['01'] })} />);
    expect(screen.getByText('Sở LĐ Hà Nội')).toBeTruthy();
    expect(screen.getByTestId('version-scope-7').textContent).toBe(' · phạm vi 01');
    expect(screen.getByTestId('version-areas-7').textContent).toBe('địa bàn: 01');
  });

  it('says central for an unscoped token and names the system for seeds', async () => {
    await i18n.changeLanguage('en');
    const { unmount } = render(
      <VersionBy version={version({ by: { actor: 'token:1', kind: 'token', tokenId: 1, name: 'ministry', scope: null }, areas: ['01', 'VN'] })} />,
    );
    expect(screen.getByTestId('version-scope-7').textContent).toBe(' · central');
    expect(screen.getByTestId('version-areas-7').textContent).toBe('areas: 01, VN');
    unmount();
    render(
      <VersionBy
        version={version({
          id: 1,
          kind: 'seed',
          createdBy: 'system',
          by: { actor: 'system', kind: 'system', tokenId: null, name: 'system', scope: null },
          areas: null,
        })}
      />,
    );
    expect(screen.getByText('system (baseline data)')).toBeTruthy();
    expect(screen.queryByTestId('version-scope-1')).toBeNull();
  });
});

describe('anonymous readers', () => {
  it('see that a token uploaded it, with its scope, but not the token name', async () => {
    await i18n.changeLanguage('en');
    render(<VersionBy version={version({ by: { actor: 'token', kind: 'token', tokenId: null, name: null, scope: ['SE'] }, areas: ['79'] } as never)} />);
    expect(screen.getByText('a token (sign in to see its name)')).toBeTruthy();
    expect(screen.getByTestId('version-scope-7').textContent).toBe(' · scope SE');
  });
});
