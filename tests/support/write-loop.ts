/**
 * Child process for the atomic-write tests: writes large files into a folder
 * with `writeFileExclusive`, one after another, until it is stopped.
 * Usage: node --import tsx tests/support/write-loop.ts <dir>
 */
import { join } from 'node:path';
import { writeFileExclusive } from '../../src/support/atomic-write.ts';

const dir = process.argv[2] ?? '.';
const data = Buffer.alloc(16 * 1024 * 1024, 'x');
for (let i = 0; ; i++) await writeFileExclusive(join(dir, `${String(i).padStart(6, '0')}.md`), data);
