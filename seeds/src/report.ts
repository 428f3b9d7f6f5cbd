/**
 * Calibration report of the illustrative employment: how close the generated
 * cells come to the real margins they are anchored to (printed by
 * generate.ts, quoted in seeds/README.md).
 */
import { PROVINCES, SOCIO_ECONOMIC_REGIONS } from '@lmo/models/codes';
import { trainedShareByProvince, type EmploymentBuild } from './employment';

/** Lines of text: per year with GSO province trained shares, the largest gap; regional shares of employment. */
export function calibrationReport(e: EmploymentBuild): string[] {
  const lines: string[] = [];
  for (const y of e.years) {
    const target = e.provinces.trainedTarget(y.year);
    if (!target) continue;
    const got = trainedShareByProvince(y.cells);
    const gaps = got.map((g, p) => Math.abs(g - target[p]));
    const worst = gaps.indexOf(Math.max(...gaps));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    lines.push(
      `${y.year} province trained share vs GSO: mean gap ${mean.toFixed(2)} pp, largest ${gaps[worst].toFixed(2)} pp (${PROVINCES[worst].code} ${target[worst].toFixed(1)} → ${got[worst].toFixed(1)})`,
    );
  }
  for (const y of e.years.filter((x) => [2016, 2021, 2025].includes(x.year))) {
    const reg = new Map<string, number>();
    PROVINCES.forEach((p, i) => {
      let t = 0;
      for (let k = 0; k < y.cells.length / PROVINCES.length; k++) t += y.cells[i * (y.cells.length / PROVINCES.length) + k];
      reg.set(p.parent!, (reg.get(p.parent!) ?? 0) + t);
    });
    lines.push(
      `${y.year} regional shares of employment (34-unit regions): ${SOCIO_ECONOMIC_REGIONS.map((r) => `${r.code} ${((100 * reg.get(r.code)!) / y.total).toFixed(1)} %`).join(', ')}`,
    );
  }
  return lines;
}
