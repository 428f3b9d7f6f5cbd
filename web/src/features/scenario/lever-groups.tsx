import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { specOf } from '@lmo/models/labour';
import type { ScenarioBaseline, ScenarioParameters } from '../../api/types';
import { Select } from '../../components/controls';
import type { Lang } from '../../i18n/format';
import { metaQueries } from '../meta/queries';
import { codeOptions, type Namer } from '../meta/names';
import { LeverInput } from './lever-input';
import { BROAD_KEYS, LEVER_GROUPS, baselineValue, readLever, referenceOf, type Lever } from './levers';
import { makeKeyNamer } from './summary';

/** Consecutive levers of one spec, shown under the spec's name and note. */
function bySpec(levers: Lever[]): Lever[][] {
  const out: Lever[][] = [];
  for (const l of levers) {
    const last = out[out.length - 1];
    if (last && last[0]!.spec === l.spec) last.push(l);
    else out.push([l]);
  }
  return out;
}

/**
 * The levers in four groups (economy, labour supply, training, new fields), each lever under its
 * parameter's name and note; the economy group lets the user pick the section shown beside the
 * broad sectors.
 */
export function LeverGroups({
  levers,
  draft,
  baseline,
  errors,
  section,
  onSection,
  onChange,
  onCommit,
  names,
}: {
  levers: Lever[];
  draft: ScenarioParameters;
  baseline: ScenarioBaseline | null;
  errors: Map<string, string>;
  section: string;
  onSection: (code: string) => void;
  onChange: (lever: Lever, value: number | undefined) => void;
  onCommit: () => void;
  names: Namer;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const meta = useQuery(metaQueries.codes());
  const keyName = makeKeyNamer(names, t);
  // Value-added growth by section: the VSIC sections only (broad groups are sums of sections).
  const sectionOptions = codeOptions(meta.data?.sectors, lang, (s) => s.level === 'section' && !BROAD_KEYS.includes(s.code as never));
  const labelOf = (l: Lever) => {
    if (l.spec === 'retirementAge') return `${keyName(l.spec, l.key!)} — ${t(`scenario.retirement.${l.path[2]}`)}`;
    if (l.key !== undefined) return keyName(l.spec, l.key);
    const s = specOf(l.spec);
    return lang === 'vi' ? s.vi : s.en;
  };

  return (
    <div className="lever-groups">
      {LEVER_GROUPS.map((group) => (
        <fieldset key={group} className="lever-group" data-group={group}>
          <legend>{t(`scenario.groups.${group}`)}</legend>
          {bySpec(levers.filter((l) => l.group === group)).map((list) => {
            const spec = specOf(list[0]!.spec);
            const keyed = list[0]!.key !== undefined;
            return (
              <div key={spec.name} className="lever-spec">
                {keyed && <h4 className="lever-spec-title">{lang === 'vi' ? spec.vi : spec.en}</h4>}
                <p className="lever-note">{lang === 'vi' ? spec.noteVi : spec.noteEn}</p>
                {spec.name === 'valueAddedGrowth' && sectionOptions.length > 0 && (
                  <Select name="scenario-section" label={t('scenario.section')} value={section} onChange={onSection} options={sectionOptions} />
                )}
                <div className="lever-list">
                  {list.map((l) => {
                    const target =
                      l.spec === 'retirementAge' && l.path[2] !== 'target' ? readLever(draft, { ...l, path: [...l.path.slice(0, 2), 'target'] }) : 0;
                    if (target === undefined) return null;
                    return (
                      <LeverInput
                        key={l.id}
                        lever={l}
                        label={labelOf(l)}
                        value={readLever(draft, l)}
                        baseline={baselineValue(l, baseline)}
                        reference={referenceOf(l, baseline)}
                        error={errors.get(l.id)}
                        onChange={(v) => onChange(l, v)}
                        onCommit={onCommit}
                      />
                    );
                  })}
                </div>
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
