/**
 * A short FAQ for a clause page, written from the clause's computed facts
 * (stability, peers, agencies) so the answers can never drift from the data
 * shown above them on the same page.
 */
import { formatDate } from './dates.ts';
import { earlierTitle } from './lineage.ts';
import type { ClauseRecord, TimelineEvent } from './model.ts';
import { peerSummary } from './peer-summary.ts';
import { jurisdictionName, listOf, plural } from './wording.ts';

export interface FaqItem {
  question: string;
  answer: string;
}

/** "X's Privacy Policy", or "the Acme Social Privacy Policy" when the title already names the platform. */
function policyName(clause: ClauseRecord): string {
  const title = clause.document.data.title;
  const name = clause.platform.data.name;
  return title.toLowerCase().startsWith(name.toLowerCase()) ? `the ${title}` : `${name}'s ${title}`;
}

function stillPresent(clause: ClauseRecord): FaqItem {
  const { stability, document } = clause;
  const question = `Is this clause still in ${policyName(clause)}?`;
  const latest = document.facts.lastVerified;
  if (stability.stillPresent && latest) {
    return { question, answer: `Yes. The quoted text is in the version in force at the latest capture, on ${formatDate(latest.capturedOn)}.` };
  }
  if (!stability.firstSeen && stability.firstCaptured?.capture.inForceFrom) {
    return { question, answer: `Not yet. The quoted text is in an announced version captured on ${formatDate(stability.firstCaptured.capturedOn)}, in force from ${formatDate(stability.firstCaptured.capture.inForceFrom)}.` };
  }
  if (stability.lastSeen) {
    const gone = stability.goneSince ? ` and is missing from every version since ${formatDate(stability.goneSince.capturedOn)}` : '';
    return { question, answer: `No. The quoted text was last seen in the version captured on ${formatDate(stability.lastSeen.capturedOn)}${gone}.` };
  }
  return { question, answer: 'The quoted text was not found in any captured version of the policy.' };
}

function since(clause: ClauseRecord): FaqItem | undefined {
  const { firstSeen } = clause.stability;
  if (!firstSeen) return undefined;
  const { document, platform } = clause;
  const { firstCaptured, firstInForce, exactSince } = clause.stability;
  const parts = [`The clause first appears in the version captured on ${formatDate(firstSeen.capturedOn)}`];
  // Predecessor documents carry the early history under another title (e.g. Twitter before X).
  const origin = earlierTitle(document, firstSeen.documentKey);
  if (origin) parts.push(`, when the policy was titled "${origin}"`);
  parts.push('.');
  if (exactSince && exactSince !== firstSeen) parts.push(` Its wording then differed slightly; the exact wording quoted here dates from the version of ${formatDate(exactSince.capturedOn)}.`);
  if (firstCaptured && firstCaptured !== firstSeen && firstCaptured.capture.kind === 'announcement') {
    parts.push(` It was first captured on ${formatDate(firstCaptured.capturedOn)} in an announcement of that version.`);
  }
  if (firstInForce) parts.push(` The text states that version is effective from ${formatDate(firstInForce)}.`);
  if (document.history[0] === firstSeen) parts.push(' That is the earliest version the atlas holds, so the clause may be older.');
  return { question: `Since when has ${platform.data.name} had this clause?`, answer: parts.join('') };
}

const changeWords: Record<Exclude<TimelineEvent['kind'], 'appeared'>, [string, string]> = {
  reworded: ['rewording of the surrounding text', 'rewordings of the surrounding text'],
  removed: ['removal', 'removals'],
  reappeared: ['reappearance', 'reappearances'],
};

function changes(clause: ClauseRecord): FaqItem | undefined {
  const { stability } = clause;
  if (!stability.firstSeen) return undefined;
  const question = 'How often has this clause changed?';
  if (stability.changes === 0 && stability.presentIn === 1) {
    return { question, answer: 'It has not changed: so far only one captured version contains it.' };
  }
  if (stability.changes === 0) {
    return { question, answer: `It has not changed since it first appeared: the text around the quote reads the same in all ${stability.presentIn} captured versions that contain it.` };
  }
  const counts = new Map<keyof typeof changeWords, number>();
  for (const event of stability.timeline.slice(1)) {
    if (event.kind !== 'appeared') counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  }
  const detail = [...counts].map(([kind, n]) => `${n} ${n === 1 ? changeWords[kind][0] : changeWords[kind][1]}`);
  return { question, answer: `${plural(stability.changes, 'change')} since it first appeared: ${listOf(detail)}.` };
}

function peers(clause: ClauseRecord): FaqItem | undefined {
  const type = clause.clauseType;
  if (!type) return undefined;
  const names = clause.peers.map((p) => p.platform.data.name);
  const { platforms } = peerSummary(clause);
  const others = Math.max(0, type.rarity.total - 1);
  const question = `Do other platforms have a clause like this?`;
  // This platform has the clause, so every platform checked and without one, and every one not yet analysed, is another.
  const { hasNot, unknown } = type.rarity;
  const rest = `${hasNot} ${hasNot === 1 ? 'was' : 'were'} checked and ${hasNot === 1 ? 'has' : 'have'} none, and ${unknown} ${unknown === 1 ? 'is' : 'are'} not yet analysed.`;
  if (!platforms) {
    return { question, answer: `Not that the atlas has found: none of the ${plural(others, 'other tracked platform')} has an analysed clause of this type (${type.data.name}). Of them, ${rest}` };
  }
  const which = platforms > names.length ? `among them ${names.join(', ')}` : listOf(names);
  return { question, answer: `Yes. ${platforms} of the ${plural(others, 'other tracked platform')} ${platforms === 1 ? 'has' : 'have'} a clause of this type (${type.data.name}): ${which}. Of the rest, ${rest}` };
}

function complain(clause: ClauseRecord): FaqItem {
  const question = 'Where can I complain about this?';
  if (!clause.agencies.length) {
    return { question, answer: 'The atlas lists no agency for this clause yet. The consumer or data protection authority where you live is the usual place to start.' };
  }
  const places = clause.agencies.map((a) => `${a.data.short_name} (${jurisdictionName(a.data.jurisdiction_code)}) via "${a.data.where_to_file.label}" at ${a.data.where_to_file.url}`);
  return { question, answer: `The atlas points to ${listOf(places)}. Each agency decides what it takes up; this is not legal advice.` };
}

/** Three to five questions and answers about one clause. */
export function clauseFaq(clause: ClauseRecord): FaqItem[] {
  return [stillPresent(clause), since(clause), changes(clause), peers(clause), complain(clause)].filter((item): item is FaqItem => item !== undefined);
}
