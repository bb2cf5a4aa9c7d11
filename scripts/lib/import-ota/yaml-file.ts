/** YAML in and out for the import: reading entries and maps with located problems, writing entries. */
import { readFile } from 'node:fs/promises';
import { parseDocument, stringify } from 'yaml';

/** Reads a YAML file; problems name the file. `missing` is true when the file does not exist. */
export async function readYamlFile(path: string): Promise<{ value?: unknown; missing?: true; problems: string[] }> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true, problems: [] };
    return { problems: [`${path}: expected a readable file, found ${(error as Error).message}`] };
  }
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const line = e.linePos?.[0] ? ` (line ${e.linePos[0].line})` : '';
        return `${path}${line}: expected valid YAML, found ${e.message.split('\n')[0]}`;
      }),
    };
  }
  return { value: doc.toJS(), problems: [] };
}

/** A value as YAML, lines never folded (entries and maps are read by people and diffed). */
export function yamlText(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}
