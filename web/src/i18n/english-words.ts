/**
 * Finds English words in text that should be Vietnamese. Used by the source-text unit test and
 * the e2e scan of every page in Vietnamese mode. The list holds common English words that are
 * not Vietnamese syllables (so "an", "do", "can", "may", "long", "sum" are left out); quoted titles,
 * codes (LE_PE_NUM, ISIC4), URLs and paths are removed before the scan, since they are cited as published.
 */
const WORDS = `the of and for with from by is are was were not source sources model models forecast forecasts engine
history share shares labour labor force employment unemployment unemployed error errors request invalid found failed
network loading table tables report release database edition population national system region regions sector sectors
level levels assumption assumptions openings opening supply demand see rate rates weights weight basis census survey
generated statistic statistics designed section sections series field fields workforce trend path decision programme
vision university college training graduates graduate exit exits vacancy vacancies province provinces former published
average prices constant current annual quarter quarters mean via reported cited approximate textbook aggregated groups
variant projection estimates estimate after before comparable working age thousand million between minus interpolated
usual half inside ratios broad definition short courses year years missing fitted reconciled across calibrated
participation productivity value added official modelled illustrative international unknown please try again sign
upload download view chart show hide more less all total none other others group major read armed forces above below
per each every only also than most into this that these those which what when where who how why has have had been
will would should must its their our your you they it at or if on off up out yes here there new old change changes
retry loading page help note notes link links map tiles tile legend summary skip content main navigation language
unit units level scenario scenarios baseline growth high low target targets policy compare reset apply cancel save
threshold thresholds seed dataset close open select filter search sort ascending descending rank gap flag shortage surplus balanced uncertain small
january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`
  .split(/\s+/)
  .filter(Boolean);

export const ENGLISH_WORDS: ReadonlySet<string> = new Set(WORDS);

/** Proper names that are English words (publishers, publications) and stay as published. */
export const PROPER_NAMES: readonly string[] = ['The VOS', 'World Population Prospects', 'Labour Market Update', 'Japanese edition'];

/** Removes what is cited as published or is a code: proper names, quoted titles, URLs, paths, identifiers with _ or digits. */
export function stripCitedText(text: string): string {
  let out = text;
  for (const name of PROPER_NAMES) out = out.split(name).join(' ');
  return out
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\b[\w.-]+\.(vn|com|org|md|ts|csv|json|xml)\b/gi, ' ')
    .replace(/\b[\w./-]*\/[\w./-]+\b/g, ' ')
    .replace(/\b\w*[_\d]\w*\b/g, ' ');
}

/** The English words found (lower case, each once) in `text` after `stripCitedText`. */
export function englishWordsIn(text: string): string[] {
  const found = new Set<string>();
  for (const token of stripCitedText(text).split(/[^\p{L}']+/u)) {
    const w = token.toLowerCase().replace(/'s$/, '');
    if (w.length > 1 && ENGLISH_WORDS.has(w)) found.add(w);
  }
  return [...found];
}
