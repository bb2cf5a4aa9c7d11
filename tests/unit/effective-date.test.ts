/**
 * findEffectiveDate (src/atlas/model/effective-date.ts). The first cases are the
 * opening lines of real snapshots under content/snapshots/, as captured.
 */
import { describe, expect, it } from 'vitest';
import { EFFECTIVE_DATE_LINES, findEffectiveDate, statedDates } from '../../src/atlas/model/effective-date.ts';

describe('findEffectiveDate: real opening lines', () => {
  it.each([
    ['x/privacy-policy', '# Privacy Policy\n\n**Effective: January 15, 2026**\n\nX is a public platform.', '2026-01-15'],
    ['bluesky/community-guidelines', '## Community Guidelines\n\n#### Last Updated: September 19, 2025\n', '2025-09-19'],
    ['bluesky/terms-of-service (day before month, comma before year)', '#### Last Updated: 14 August, 2025\n', '2025-08-14'],
    ['facebook/terms-of-service', 'Terms of Service\n\nEffective January 1, 2025\n', '2025-01-01'],
    [
      'linkedin/privacy-policy (prose with a date first, then a linked label)',
      'On November 3, 2025, we updated this notice to provide information about our reliance on Legitimate Interests.\n\n_[Effective August 21, 2026](https://www.linkedin.com/help/linkedin/answer/a1341216/updates-to-user-agreement-and-privacy-policy)_\n',
      '2026-08-21',
    ],
    ['linkedin/terms-of-service', '[Effective on November 3, 2025](https://www.linkedin.com/help/linkedin/answer/a1341216/updates-to-user-agreement-and-privacy-policy)\n', '2025-11-03'],
    ['reddit/privacy-policy (effective wins over last revised)', 'Privacy Policy\nEffective: July 1, 2026. Last Revised: May 26, 2026.\n', '2026-07-01'],
    ['reddit/terms-of-service', 'Effective July 1, 2026. Last Revised May 26, 2026\n', '2026-07-01'],
    ['spotify/privacy-policy', 'Spotify Privacy Policy\n\nEffective as of July 1, 2026\n', '2026-07-01'],
    ['tiktok/privacy-policy (emphasis inside the date)', '# Privacy Policy\n\nLast updated: _30 November 2025_\n', '2025-11-30'],
    [
      'tiktok/privacy-policy 2023-04-04 (the new text itself, linking to the current one)',
      '_Our new Privacy Policy comes into effect on 4th May 2023. Click [here](https://www.tiktok.com/legal/privacy-policy-eea-archive) to view our current Privacy Policy._\n',
      '2023-05-04',
    ],
    ['tiktok/privacy-policy 2023 (escaped brackets)', '_Effective Date: \\[19 November 2023\\]_\n', '2023-11-19'],
    ['whatsapp/privacy-policy', 'Effective July 2, 2026 ([archived versions](https://www.whatsapp.com/legal/privacy-policy-eea/revisions))  \n', '2026-07-02'],
    [
      'youtube/privacy-policy (line 16, after prose)',
      `${'When you use our services, you’re trusting us with your information.\n'.repeat(15)}Effective April 2, 2026 | [Archived versions](https://policies.google.com/privacy/archive) | [Download PDF](https://www.gstatic.com/policies/privacy/pdf/20260402/p5bwm5x1/google_privacy_policy_en_eu.pdf)\n`,
      '2026-04-02',
    ],
  ])('%s', (_source, text, expected) => {
    expect(findEffectiveDate(text)).toBe(expected);
  });

  it.each([
    ['tiktok/terms-of-service (month and year only)', '_Last updated: July 2026_\n'],
    ['x/terms-of-service (no date stated)', "**[X's Terms of Service](#outside-eu) for users outside the European Union have been updated.**\n"],
    ['linkedin/terms-of-service 2022 (a date with no label)', '# User Agreement\n\nDecember 13, 2021\n'],
    // Notices on the page in force about a new text published elsewhere: their date is that text's.
    [
      'facebook/terms-of-service 2022-07-11 (notice of an update to preview elsewhere)',
      '_An update to our Terms of Service will be effective on **July 26, 2022**. You can preview the updated version [**here**](https://www.facebook.com/legal/225652215540499)._  \n',
    ],
    [
      'facebook/terms-of-service 2023-04-04 (read the new terms elsewhere)',
      '**_We’re updating our Terms of Service. The updates go into effect on 5 July 2023. Read new terms [here](https://www.facebook.com/legal/terms_preview)._**\n',
    ],
    [
      'facebook/terms-of-service 2024-10-23',
      'We’re updating the Meta Terms of Service. These updates will go into effect on January 1, 2025. [Read the new Terms](https://www.facebook.com/legal/terms/preview).\n',
    ],
  ])('finds nothing in %s', (_source, text) => {
    expect(findEffectiveDate(text)).toBeUndefined();
  });
});

describe('findEffectiveDate: forms and limits', () => {
  it.each([
    ['Effective as of 1 July 2025', '2025-07-01'],
    ['Last modified: 2024-05-01', '2024-05-01'],
    ['Last updated on March 1st, 2024', '2024-03-01'],
    ['Revised: Sept. 3, 2024', '2024-09-03'],
    ['Effective date\n\nJanuary 5, 2025', '2025-01-05'],
    ['Date of last revision: 2 February 2023', '2023-02-02'],
  ])('reads %j', (text, expected) => {
    expect(findEffectiveDate(text)).toBe(expected);
  });

  it('prefers an effective date to an earlier-listed updated date', () => {
    expect(findEffectiveDate('Last updated: March 1, 2024\nEffective: April 1, 2024')).toBe('2024-04-01');
  });

  it('reads future dates too, and keeps the effective and the revised date apart', () => {
    // reddit/privacy-policy as captured before 1 July 2026.
    expect(statedDates('Effective: July 1, 2026. Last Revised: May 26, 2026.')).toEqual({ effective: '2026-07-01', effectiveDates: ['2026-07-01'], updated: '2026-05-26' });
    expect(statedDates('Spotify Privacy Policy\n\nEffective as of July 1, 2026\n')).toEqual({ effective: '2026-07-01', effectiveDates: ['2026-07-01'] });
    expect(statedDates('#### Last Updated: August 14, 2025')).toEqual({ updated: '2025-08-14' });
  });

  it('reads an announced effective date ("will go into effect on …")', () => {
    // x/twitter-privacy-policy as captured on 23 August 2023 (line 15).
    const announced = 'X Privacy Policy\n================\n\n**We have made some updates to our Privacy Policy. This version of the Privacy Policy will go into effect on September 22, 2023. Read the [current Privacy Policy](#current).**\n';
    expect(statedDates(announced)).toEqual({ effective: '2023-09-22', effectiveDates: ['2023-09-22'] });
    // x/twitter-privacy-policy as captured on 18 April 2023.
    expect(findEffectiveDate('**This version of the Privacy Policy will go into effect on May 18, 2023.**')).toBe('2023-05-18');
    expect(findEffectiveDate('The new terms take effect on 1 March 2024.')).toBe('2024-03-01');
    // instagram/privacy-policy as captured on 28 May 2025 (lines 15 and 26): a banner announcing the next version (published elsewhere) above the one in force, whose own date is kept.
    const banner = 'Recent update We last updated our Privacy Policy on May 27, 2025. Upcoming update We’ll soon be updating the Privacy Policy. The updates will go into effect on June 16, 2025. [Read the new policy.](https://privacycenter.instagram.com/policy/version/10052835831416190/)\n\nEffective May 27, 2025 | [View printable version](https://mbasic.facebook.com/privacy/policy/printable/)';
    expect(statedDates(banner)).toEqual({ effective: '2025-05-27', effectiveDates: ['2025-05-27'] });
    expect(findEffectiveDate('These terms came into effect on 2024-03-01.')).toBe('2024-03-01');
  });

  it(`reads only the first ${EFFECTIVE_DATE_LINES} lines`, () => {
    const body = 'We may change this policy.\n'.repeat(EFFECTIVE_DATE_LINES);
    expect(findEffectiveDate(`${body}Last updated: March 1, 2024\n`)).toBeUndefined();
    expect(findEffectiveDate(`${body.slice(0, -'We may change this policy.\n'.length)}Last updated: March 1, 2024\n`)).toBe('2024-03-01');
  });

  it('rejects days that are not on the calendar and words that only look like labels', () => {
    expect(findEffectiveDate('Effective: February 30, 2024')).toBeUndefined();
    expect(findEffectiveDate('Last updated: 2024-13-01')).toBeUndefined();
    expect(findEffectiveDate('Ineffective January 1, 2024')).toBeUndefined();
    expect(findEffectiveDate('We updated this notice on November 3, 2025.')).toBeUndefined();
    expect(findEffectiveDate('')).toBeUndefined();
  });
});
