import { useTranslation } from 'react-i18next';
import type { Meta } from '../../api/types';
import type { AreaView } from '../../adapters/gap-picks';
import { Select } from '../../components/controls';
import type { Lang } from '../../i18n/format';
import { useUrlState } from '../../router/use-url-state';
import { codeOptions, sectorOptions } from '../meta/names';

export interface RegionsToolbarProps {
  view: AreaView;
  sector: string;
  qualification: string;
  /** Code lists for the selectors; they stay hidden until it has loaded. */
  meta: Meta | undefined;
}

/**
 * What the map shows: provinces or regions, one sector, one qualification. Every choice goes to the
 * URL; the defaults (TOTAL, ALL) are left out of it, and switching the view drops the selected area
 * (a province is not a tile of the regions view).
 */
export function RegionsToolbar({ view, sector, qualification, meta }: RegionsToolbarProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [, set] = useUrlState();
  const sectorOptionList = sectorOptions(meta, lang, (level) => t(`sectorGroups.${level}`));
  const qualOptions = codeOptions(meta?.qualifications, lang);
  return (
    <div className="toolbar">
      <fieldset className="field segmented">
        <legend>{t('regions.view')}</legend>
        <div className="segments">
          {(['provinces', 'regions'] as const).map((v) => (
            <label key={v} className={view === v ? 'segment active' : 'segment'}>
              <input type="radio" name="map-view" value={v} checked={view === v} onChange={() => set({ view: v, region: undefined })} />
              {t(`regions.view_${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {sectorOptionList.length > 0 && (
        <Select
          name="sector"
          label={t('controls.sector')}
          value={sector}
          onChange={(v) => set({ sector: v === 'TOTAL' ? undefined : v })}
          options={sectorOptionList}
        />
      )}
      {qualOptions.length > 0 && (
        <Select
          name="qual"
          label={t('controls.qualification')}
          value={qualification}
          onChange={(v) => set({ qual: v === 'ALL' ? undefined : v })}
          options={qualOptions}
        />
      )}
    </div>
  );
}
