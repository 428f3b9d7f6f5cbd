import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { StatusBadge, StatusLine } from './badges';
import { IllustrativeNote } from './illustrative-note';
import i18n from '../i18n/index';
import { STATUS_ORDER } from './status';
import type { DataLevelRow } from '../api/types';

const levels: DataLevelRow[] = [
  {
    level: 'exits',
    nameVi: 'Người rời thị trường',
    nameEn: 'Exits',
    status: 'illustrative',
    from: '2010',
    to: '2025',
    firstYear: 2010,
    lastYear: 2025,
    frequencies: ['annual'],
    indicators: [],
    rows: 1,
    sources: [],
    sourceCount: 0,
    citationCount: 0,
  },
];

describe('status badges', () => {
  it('gives each of the five statuses distinct words, an icon and a hint, in both languages', async () => {
    for (const lang of ['vi', 'en']) {
      await i18n.changeLanguage(lang);
      const { container, unmount } = render(
        <>
          {STATUS_ORDER.map((s) => (
            <StatusBadge key={s} status={s} />
          ))}
        </>,
      );
      const badges = [...container.querySelectorAll('.badge')];
      expect(new Set(badges.map((b) => b.textContent)).size).toBe(5);
      expect(badges.every((b) => (b.getAttribute('title') ?? '').length > 20)).toBe(true);
      expect(badges.every((b) => b.querySelector('.badge-icon')?.textContent)).toBe(true);
      unmount();
    }
    await i18n.changeLanguage('vi');
  });
  it('uses the agreed wording', () => {
    render(<StatusBadge status="illustrative" />);
    const badge = screen.getByText('Số liệu minh hoạ').closest('.badge')!;
    expect(badge.getAttribute('title')).toContain('không phải bằng chứng');
  });
  it('says what a modelled figure rests on', () => {
    render(<StatusLine statuses={['modelled']} basis={['illustrative', 'official']} />);
    expect(screen.getByTestId('status-line').textContent).toBe('Loại số liệu: ≈ Kết quả mô hình dựa trên ✓ Số liệu chính thức ⚠\uFE0E Số liệu minh hoạ');
  });
});

describe('IllustrativeNote', () => {
  it('renders nothing when nothing rests on illustrative values', () => {
    const { container } = render(<IllustrativeNote basis={['official', 'modelled']} />);
    expect(container.innerHTML).toBe('');
  });
  it('names the illustrative level from dataLevels', () => {
    render(<IllustrativeNote basis={['official', 'illustrative']} levels={['exits']} dataLevels={levels} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Người rời thị trường');
    expect(note.querySelector('[data-status="illustrative"]')).toBeTruthy();
  });
  it('falls back to a general sentence without dataLevels', async () => {
    await i18n.changeLanguage('en');
    render(<IllustrativeNote basis={['illustrative']} />);
    expect(screen.getByRole('note').textContent).toContain('not statistics');
    await i18n.changeLanguage('vi');
  });
});
