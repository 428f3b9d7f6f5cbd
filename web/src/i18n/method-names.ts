/**
 * Vietnamese names of the forecast methods the API names by code (models/src/forecast/registry.ts
 * and the labour system's methods), for source lines and accuracy notes. Unknown codes pass through.
 */
const METHOD_VI: Readonly<Record<string, string>> = {
  naive: 'naive (giá trị năm trước)',
  snaive: 'naive theo mùa',
  drift: 'xu hướng đường thẳng (drift)',
  ldrift: 'xu hướng trên logarit',
  linear: 'hồi quy tuyến tính',
  loglinear: 'hồi quy log-tuyến tính',
  ses: 'làm trơn mũ đơn (SES)',
  holt: 'làm trơn mũ Holt',
  sholt: 'Holt xu hướng trơn',
  lholt: 'Holt trên logarit',
  damped: 'Holt xu hướng tắt dần',
  theta: 'phương pháp Theta',
  ltheta: 'Theta trên logarit',
  rtrend: 'xu hướng bền vững',
  logistic: 'đường logistic',
  auto: 'tự chọn (auto)',
  shares: 'tỷ trọng',
  'system-shares': 'tỷ trọng của hệ thống',
  'national-system': 'hệ thống quốc gia',
  'national-system-shares': 'tỷ trọng theo hệ thống quốc gia',
  productivity: 'năng suất lao động',
  'broad-productivity': 'năng suất theo khu vực kinh tế',
  'broad-share': 'tỷ trọng khu vực kinh tế',
  elasticity: 'hệ số co giãn',
};

/** The Vietnamese name of a method code (e.g. `ses` → "làm trơn mũ đơn (SES)"); the code itself when unknown. */
export function methodNameVi(code: string): string {
  return METHOD_VI[code] ?? code;
}

/** A list of method codes joined by `+` ("ses+drift", "holt + theta") in their Vietnamese names. */
export function methodsVi(list: string): string {
  return list
    .split('+')
    .map((m) => methodNameVi(m.trim()))
    .join(' + ');
}
