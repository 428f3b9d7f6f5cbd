import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import i18n from 'i18next';
import { UploadScope } from './upload-scope';

const scoped = {
  tokenId: 3,
  name: 'Sở LĐ Hà Nội',
  role: 'analyst' as const,
  scope: ['01', 'SE'],
  scopeAreas: [
    { code: '01', level: 'province' as const, vi: 'Hà Nội', en: 'Ha Noi' },
    { code: 'SE', level: 'region' as const, vi: 'Đông Nam Bộ', en: 'Southeast' },
  ],
};

describe('upload scope of the signed-in token', () => {
  it("names a local analyst's provinces and regions in the UI language, and says other areas are refused", async () => {
    await i18n.changeLanguage('vi');
    const { unmount } = render(<UploadScope session={scoped} lang="vi" />);
    const vi = screen.getByTestId('upload-scope');
    expect(vi.dataset.scope).toBe('01,SE');
    expect(vi.textContent).toMatch(/Hà Nội \(01\).*vùng Đông Nam Bộ \(SE, gồm các tỉnh\/thành trong vùng\).*bị từ chối/);
    unmount();
    await i18n.changeLanguage('en');
    render(<UploadScope session={scoped} lang="en" />);
    expect(screen.getByTestId('upload-scope').textContent).toMatch(
      /Ha Noi \(01\), region Southeast \(SE, its provinces included\)\. Files may only hold figures for these areas/,
    );
  });

  it('says "every area" for a central (unscoped) analyst', async () => {
    await i18n.changeLanguage('en');
    render(<UploadScope session={{ tokenId: 1, name: 'central', role: 'analyst', scope: null, scopeAreas: null }} lang="en" />);
    expect(screen.getByTestId('upload-scope').dataset.scope).toBe('central');
    expect(screen.getByTestId('upload-scope').textContent).toMatch(/every area \(central analyst\)/);
  });
});
