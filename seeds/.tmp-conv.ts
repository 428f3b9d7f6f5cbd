// TEMPORARY (GEN helper): run SEEDS' converters into /tmp to test against. Deleted before the report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { convertAll } from './convert/build';
import { REFERENCE_DIR } from './convert/reference';
mkdirSync('/tmp/genmock2', { recursive: true });
const { files } = convertAll(REFERENCE_DIR);
for (const f of files) { writeFileSync('/tmp/genmock2/' + f.name, f.text); console.log(f.name, f.rows); }
