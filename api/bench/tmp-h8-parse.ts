import { createReadStream } from 'node:fs';
import { parseUpload } from '../src/services/upload-parse';
const t = performance.now();
const r = await parseUpload(createReadStream(process.argv[2], { highWaterMark: 1 << 20 }), { format: 'microdata', period: '2024' });
console.log('ok', r.ok, r.records, r.observations.length, Math.round(performance.now() - t), 'ms', 'rss', Math.round(process.memoryUsage().rss / 1e6), 'MB', 'hwm?', process.resourceUsage().maxRSS / 1024, 'MB');
