/**
 * A copy of `text` that shares no memory with the string it was cut from.
 * V8 keeps a substring's whole parent alive (a "sliced string"), so a
 * paragraph cut from a snapshot and kept in a cache would otherwise hold the
 * snapshot's entire text. A structured clone always builds a new string,
 * exactly equal, whatever it holds (lone surrogates included).
 */
export function detached(text: string): string {
  return structuredClone(text);
}
