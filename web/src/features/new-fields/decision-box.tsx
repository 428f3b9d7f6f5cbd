import { useTranslation } from 'react-i18next';
import type { TargetPath } from '../../api/types';
import { formatInteger, type Lang } from '../../i18n/format';
import { useSourceText } from '../meta/use-source-text';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A decision's date as people write it: 21/9/2024 in Vietnamese, 21 Sep 2024 in English. */
export function formatDecisionDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return lang === 'vi' ? `${d}/${m}/${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/**
 * What the decision says, in its own words (Vietnamese first, the English rendering after it in
 * English), dated; its production target or timeline; and any press figure it does NOT contain,
 * labelled as an unverified claim.
 */
export function DecisionBox({ target }: { target: TargetPath }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const n = (v: number) => formatInteger(v, lang);
  const sourceText = useSourceText();
  const p = target.production;
  return (
    <section className="decision" aria-label={t('newFields.decisionLabel')}>
      <h2 className="decision-title">{lang === 'vi' ? target.decisionVi : target.decision}</h2>
      <p style={{ margin: 0 }}>{t('newFields.issued', { date: formatDecisionDate(target.date, lang) })}</p>
      <p style={{ margin: '4px 0 0' }}>
        {t('newFields.decisionWording')}: <q lang="vi">{target.quoteVi}</q>
      </p>
      {lang !== 'vi' && (
        <p style={{ margin: '4px 0 0' }}>
          {t('newFields.englishRendering')}: <q>{target.quoteEn}</q>
        </p>
      )}
      {target.training && (
        <p style={{ margin: '4px 0 0' }}>
          <strong>{t('newFields.trainingTarget', { start: target.training.startYear, end: target.training.targetYear })}</strong>
        </p>
      )}
      {p && (
        <p style={{ margin: '4px 0 0' }}>
          {t('newFields.productionTarget', { min: n(p.min), max: n(p.max), unit: lang === 'vi' ? p.unitVi : p.unitEn, year: target.targetYear })}
        </p>
      )}
      {target.milestones && target.milestones.length > 0 && (
        <p style={{ margin: '4px 0 0' }}>
          {t('newFields.milestones')}: {target.milestones.map((m) => `${m.year}: ${lang === 'vi' ? m.textVi : m.textEn}`).join(' · ')}
        </p>
      )}
      {target.kind !== 'training' && (
        <p style={{ margin: '4px 0 0' }}>
          <strong>{t('newFields.noWorkforceTarget')}</strong>
        </p>
      )}
      {target.claims?.map((c) => (
        <p key={c.source} style={{ margin: '4px 0 0' }} className="note">
          {t('newFields.claimLabel')}: {lang === 'vi' ? c.textVi : c.textEn} ({sourceText(c.source)})
        </p>
      ))}
      <p style={{ margin: '4px 0 0' }}>{lang === 'vi' ? target.noteVi : target.noteEn}</p>
    </section>
  );
}
