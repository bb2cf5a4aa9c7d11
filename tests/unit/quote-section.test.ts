/**
 * The section a quote sits in, on a real capture: X's Privacy Policy of
 * 16 July 2026 (setext headings, with its numbered subsections written as
 * bold lines, which are not Markdown headings), and on small texts for the
 * rules about titles, nesting and headings that are quoted themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteSection } from '../../src/atlas/model/quote-section.ts';
import { splitSnapshotFile } from '../../src/atlas/reading/snapshot-file.ts';
import { loadAtlas } from '../../src/atlas/index.ts';

const X_PRIVACY = splitSnapshotFile(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'quote-section', 'x-privacy-policy-2026-07-16.md')))?.body.toString('utf8') ?? '';

describe('quoteSection on X’s Privacy Policy', () => {
  it('places the AI-training sentence under "2. How We Use Information", not under the title', () => {
    const quote = 'We may use the information we collect and publicly available information to help train our machine learning or artificial intelligence models for the purposes outlined in this policy.';
    expect(quoteSection(X_PRIVACY, quote)).toEqual(['2. How We Use Information']);
  });

  it('places the biometric sentence, written with curly quotes and a bold lead-in, under "1. Information We Collect"', () => {
    expect(quoteSection(X_PRIVACY, 'Based on your consent, we may collect and use your biometric information for safety, security, and identification purposes.')).toEqual(['1. Information We Collect']);
  });

  it('keeps a later level-1 heading of the captured page: the Privacy Hub text sits under it', () => {
    expect(quoteSection(X_PRIVACY, 'X’s approach to privacy:')).toEqual(['Welcome to X\'s Privacy Hub']);
  });

  it('gives undefined for a quote the text does not contain', () => {
    expect(quoteSection(X_PRIVACY, 'We never train models on your posts.')).toBeUndefined();
  });
});

describe('quoteSection rules', () => {
  const text = ['# Acme Terms', '', 'Intro words.', '', '## 1. Data', '', '### 1.1 Retention', '', 'We keep *messages* for thirty days.', '', '## 2. Law', '', 'Texas law applies.'].join('\n');

  it('nests headings by level and closes a section at the next heading of its level', () => {
    expect(quoteSection(text, 'We keep messages for thirty days.')).toEqual(['1. Data', '1.1 Retention']);
    expect(quoteSection(text, 'Texas law applies.')).toEqual(['2. Law']);
  });

  it('leaves out a level-1 heading that opens the text (the title), but keeps level-1 headings that follow text', () => {
    expect(quoteSection(text, 'Intro words.')).toEqual([]);
    expect(quoteSection('Preamble.\n\n# Part A\n\nOne.\n\n# Part B\n\nTwo.', 'Two.')).toEqual(['Part B']);
  });

  it('ends a heading’s section after a table of contents that is all it holds', () => {
    const withContents = '# Terms\n\nContents:\n---------\n\n1.  [Introduction](#introduction)\n2.  [Law](#law)\n\n1.  Introduction\n\nYou agree to these terms.';
    expect(quoteSection(withContents, 'You agree to these terms.')).toEqual([]);
    expect(quoteSection('Law\n---\n\n- [Texas](https://law.example/tx)\n\nTexas law applies.', 'Texas law applies.')).toEqual(['Law']);
  });

  it('puts a quote that starts in a heading under that heading’s parents', () => {
    expect(quoteSection(text, '1.1 Retention We keep messages')).toEqual(['1. Data']);
  });
});

describe('the section on the bundled atlas’s clause records', () => {
  it('names the section of X’s AI-training clause in the version it is cited from', () => {
    const { atlas } = loadAtlas(join(import.meta.dirname, '..', '..', 'content'));
    const clause = atlas.clauseByKey.get('x/privacy-policy/ai-training-on-user-data');
    expect(clause?.citedSnapshot).toBeDefined();
    expect(clause?.section).toEqual(['2. How We Use Information']);
    // LinkedIn's terms number their sections as list items under "Table of Contents:", which is no section of the licence.
    expect(atlas.clauseByKey.get('linkedin/terms-of-service/content-licence')?.section).toEqual([]);
  });
});
