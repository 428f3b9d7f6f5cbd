/** The four codes that name a cell of the data cube. */
export interface CellCoordinates {
  indicator: string;
  region: string;
  sector: string;
  qualification: string;
}

/** A cell's codes on one line, as analysts write them: `labour_force · VN · TOTAL · ALL`. */
export const cellCodes = (c: CellCoordinates): string => `${c.indicator} · ${c.region} · ${c.sector} · ${c.qualification}`;
