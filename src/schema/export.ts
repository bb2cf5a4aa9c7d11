/**
 * Shapes of the open data the atlas publishes: the JSON API (`/api/v1/…`) and
 * the flat clause dataset (`/data/atlas.jsonl`, `/data/clauses.csv`). Each
 * field's `.describe()` text is its public description: it lands in the
 * generated JSON Schema and in the data dictionary on the /data/ page. The doc
 * comments say where in the Atlas model a value comes from.
 *
 * Every field is always present (missing values are `null`, lists may be
 * empty), so records keep one field order and CSV columns never shift.
 */
import { z } from 'astro/zod';
import { agencySchema } from './agency.ts';
import { clauseSchema } from './clause.ts';
import { clauseTypeSchema } from './clause-type.ts';
import { entryKey, httpUrl, isoDate, isoInstant, severity, slug, text } from './common.ts';
import { documentSchema } from './document.ts';
import { negativeSchema } from './negative.ts';
import { countryCode, platformSchema } from './platform.ts';
import { recordId } from './record-id.ts';
import { regulationSchema } from './regulation.ts';
import { siteSchema } from './site.ts';
import { snapshotSchema, snapshotStamp } from './snapshot.ts';

const documentKey = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, '<platform>/<document>');
const clauseKey = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+$/, '<platform>/<document>/<clause>');
const stamp = z.string().regex(snapshotStamp, 'a snapshot stamp such as 2024-02-21T12-36-13Z');
const count = z.number().int().nonnegative();
const severityCountsSchema = z
  .object({
    /** countSeverities(…).low (grade.ts) */
    low: count.describe('Clauses of low severity.'),
    /** countSeverities(…).medium */
    medium: count.describe('Clauses of medium severity.'),
    /** countSeverities(…).high */
    high: count.describe('Clauses of high severity.'),
  })
  .describe('How many analysed clauses there are at each severity.');

/** Rarity (rarity.ts) of a clause type. */
const raritySchema = z
  .object({
    /** rarity.platforms */
    platforms: count.describe('Tracked platforms with at least one clause of this type ("has").'),
    /** rarity.hasNot */
    has_not: count.describe('Tracked platforms with no clause of this type and a checked negative finding for each of their privacy policies and terms ("has not").'),
    /** rarity.unknown */
    unknown: count.describe('Tracked platforms neither found to have nor checked to lack a clause of this type ("not yet analysed"): total − platforms − has_not.'),
    /** rarity.total */
    total: count.describe('Platforms the atlas tracks.'),
    /** rarity.share */
    share: z.number().min(0).max(1).describe('platforms divided by total, from 0 to 1.'),
    /** rarity.label */
    label: z.enum(['Rare', 'Uncommon', 'Common', 'Widespread']).describe('Rare (≤ 25 % of platforms), Uncommon (≤ 50 %), Common (≤ 75 %) or Widespread.'),
  })
  .describe('How common the clause type is across tracked platforms.');

/** A link to a platform (PlatformRecord). */
const platformRefSchema = z.object({
  /** PlatformRecord.slug */
  key: slug.describe('Platform slug, as in content/platforms/<key>.yaml.'),
  /** Platform.name */
  name: platformSchema.shape.name.describe('Current public name of the platform.'),
  /** site.url + PlatformRecord.url */
  url: httpUrl.describe('The platform page on the atlas.'),
  /** apiPath.platform */
  api_url: httpUrl.describe('This platform in the JSON API.'),
});

/** A platform's grade (grade.ts Grade) with what it rests on. */
const gradeSchema = z
  .object({
    /** Grade.letter */
    letter: z
      .enum(['A', 'B', 'C', 'D', 'E'])
      .nullable()
      .describe('A (least concern) to E (most), or null when no clause is analysed or coverage is below the minimum (see basis.missing_document_types).'),
    /** gradeLabel(grade) */
    label: z
      .string()
      .describe('The grade as pages show it: the letter, "not enough coverage" when clauses are analysed but not in every required document type, or "no grade" when none is.'),
    /** Grade.index */
    index: z.number().min(0).max(1).describe('Concern index: points divided by the points if every clause were high severity; computed even without a letter.'),
    /** Grade.points */
    points: count.describe('Concern points of all analysed clauses.'),
    /** Grade.clauses */
    clauses: count.describe('Analysed clauses the grade rests on.'),
    /** Grade.basis */
    basis: z
      .object({
        /** gradeBasisText(grade) */
        summary: z.string().describe('What the grade rests on, as pages say it: "from 6 clauses in 1 document".'),
        /** GradeBasis.documents */
        documents: count.describe('Documents with at least one analysed clause.'),
        /** GradeBasis.documentTypes */
        document_types: z.array(z.string()).describe('Types of those documents (Open Terms Archive terms-types names), sorted.'),
        /** GradeBasis.missingTypes (grade.ts requiredDocumentTypes) */
        missing_document_types: z
          .array(z.string())
          .describe('Document types a grade needs (see grading.required_document_types in the index) with no analysed clause yet; empty when coverage is enough.'),
      })
      .describe('What the grade rests on.'),
  })
  .describe('Platform grade and the inputs it is computed from (see grading in the index).');

/** A link to a document (DocumentRecord). */
const documentRefSchema = z.object({
  /** DocumentRecord.key */
  key: documentKey.describe('Document key, <platform>/<document>.'),
  /** DocumentData.id */
  id: recordId('document').describe('Permanent record ID of the document.'),
  /** DocumentData.title */
  title: documentSchema.shape.title.describe('Title of the document as the platform names it.'),
  /** site.url + DocumentRecord.url */
  url: httpUrl.describe('The document page on the atlas.'),
  /** apiPath.document */
  api_url: httpUrl.describe('This document in the JSON API.'),
});

/** A link to a clause (ClauseRecord). */
const clauseRefSchema = z.object({
  /** ClauseRecord.key */
  key: clauseKey.describe('Clause key, <platform>/<document>/<clause>.'),
  /** ClauseData.id */
  id: recordId('clause').describe('Permanent record ID of the clause.'),
  /** ClauseData.title */
  title: clauseSchema.shape.title.describe('Title of the clause analysis.'),
  /** ClauseData.severity */
  severity: severity.describe('Severity of the clause: low, medium or high.'),
  /** site.url + ClauseRecord.url */
  url: httpUrl.describe('The clause page on the atlas.'),
  /** apiPath.clause */
  api_url: httpUrl.describe('This clause in the JSON API.'),
});

/** A link to a clause type (ClauseTypeRecord). */
const clauseTypeRefSchema = z.object({
  /** ClauseTypeRecord.key */
  key: entryKey.describe('Clause type key, as in content/clause-types/<key>.yaml.'),
  /** ClauseType.name */
  name: clauseTypeSchema.shape.name.describe('Name of the clause type.'),
  /** site.url + ClauseTypeRecord.url */
  url: httpUrl.describe('The clause type page on the atlas, comparing platforms.'),
  /** apiPath.clauseType */
  api_url: httpUrl.describe('This clause type in the JSON API.'),
});

/** One captured version (SnapshotView). */
const snapshotRefSchema = z.object({
  /** SnapshotView.documentKey: a predecessor's key for versions captured before a rename */
  document: documentKey.describe('Document the snapshot was captured for, <platform>/<document>; a predecessor for versions from before a rename.'),
  /** SnapshotView.stamp */
  stamp: stamp.describe('File-name stamp of the snapshot, the capture instant with colons replaced.'),
  /** SnapshotView.capturedAt */
  captured_at: isoInstant.describe('When the text was captured (UTC).'),
  /** SnapshotData.sha256 */
  sha256: snapshotSchema.shape.sha256.describe('SHA-256 of the raw snapshot text, lowercase hex; check it with sha256sum on raw_url.'),
  /** SnapshotData.archive_url */
  archive_url: httpUrl.nullable().describe('A public archive copy of the source near the capture time, or null.'),
  /** apiPath.snapshotRaw */
  raw_url: httpUrl.describe('The captured text, byte for byte as hashed.'),
});
/** A checked negative finding (NegativeRecord): a version of a document has no clause of a type. */
const negativeFindingSchema = z.object({
  /** NegativeRecord.key */
  key: clauseKey.describe('Key of the finding, <platform>/<document>/<clause-type>, as in content/negatives/.'),
  /** NegativeRecord.document.key */
  document: documentKey.describe('Document checked, <platform>/<document>.'),
  /** NegativeRecord.clauseType.key */
  clause_type: entryKey.describe('Clause type the document was found not to have.'),
  /** NegativeData.snapshot */
  snapshot: negativeSchema.shape.snapshot.describe('Stamp of the snapshot a person read.'),
  /** NegativeRecord.version.stamp */
  version: stamp.nullable().describe('Stamp of the version that snapshot belongs to (the same stamp for a new version), or null when the snapshot is unknown.'),
  /** NegativeData.checked_on */
  checked_on: negativeSchema.shape.checked_on.describe('The day the snapshot was read.'),
  /** NegativeData.note */
  note: z.string().describe('What was looked for and what the document says instead, in our words.'),
  /** NegativeRecord.changedSince.stamp */
  changed_since: stamp
    .nullable()
    .describe('Stamp of the first later version with different text, when the text in force now differs from the version checked (the finding awaits re-checking); null while the checked text is in force.'),
});

/** A version in a document's history, with what changed. */
const versionSchema = snapshotRefSchema.extend({
  /** SnapshotView.capture.kind === 'version' */
  substantive: z.boolean().describe('True when the capture is a new version; false when it repeats, announces, truncates or alternates with the version in force (see capture).'),
  /** SnapshotView.capture.kind */
  capture: z.enum(['version', 'same-text', 'notice', 'announcement', 'incomplete', 'alternating']).describe('What the capture is: a new version, the same text, the same text but for a notice of an update published elsewhere, an announcement of a coming version, an incomplete capture or an alternating variant.'),
  /** SnapshotView.capture.version.stamp */
  version: stamp.describe('Stamp of the version the capture belongs to (its own for a new version).'),
  /** SnapshotView.byteLength */
  bytes: count.describe('Size of the captured text in bytes.'),
  /** versionWords (version-pages.ts) */
  words: count
    .nullable()
    .describe('Words in the version as its version page shows it (Markdown markup removed; whitespace-separated tokens); null for a capture that is not a new version (see the entry of its version).'),
  /** versionContext(snapshot).diff.stats.addedWords */
  words_added: count.nullable().describe('Words added against the previous version, as the version page and change log count them (the word diff splits punctuation from words, so an added comma counts too; words is therefore not always the previous words plus added less removed); null for the first version and for a capture that is not a new version.'),
  /** versionContext(snapshot).diff.stats.removedWords */
  words_removed: count.nullable().describe('Words removed against the previous version; null for the first version and for a capture that is not a new version.'),
});
/** One step of a clause's history (stability.ts TimelineEvent). */
const timelineEventSchema = z
  .object({
    /** TimelineEvent.kind */
    kind: z
      .enum(['appeared', 'reworded', 'removed', 'reappeared'])
      .describe("appeared (first time), reworded (the clause's own sentences changed), removed (no sentence holds it any more) or reappeared (restored after a removal); versions only, not every capture."),
  })
  .extend(snapshotRefSchema.shape);

/** Stability (stability.ts), with snapshots given as their capture dates. */
const stabilitySchema = z
  .object({
    /** stability.firstSeen.capturedOn */
    first_seen: isoDate.nullable().describe('Capture date of the earliest version holding the clause, verbatim or in substance.'),
    /** stability.lastSeen.capturedOn */
    last_seen: isoDate.nullable().describe('Capture date of the latest version holding the clause, verbatim or in substance.'),
    /** stability.firstCaptured.capturedOn */
    first_captured: isoDate.nullable().describe('Capture date of the earliest capture of any kind holding the clause (an announcement can come before the version).'),
    /** stability.firstInForce */
    first_in_force: isoDate.nullable().describe('Effective date the first version holding the clause states (or an earlier announcement gave), or null when the text states none.'),
    /** stability.exactSince.capturedOn */
    exact_since: isoDate.nullable().describe('Start of the unbroken run of versions, up to the newest, holding the quote verbatim, or null.'),
    /** stability.substantiallySince.capturedOn */
    substantially_since: isoDate.nullable().describe('Start of the unbroken run of versions, up to the newest, holding the clause verbatim or in substance, or null.'),
    /** stability.stillPresent */
    still_present: z.boolean().describe('Whether the newest version holds the clause, verbatim or in substance.'),
    /** stability.goneSince.capturedOn */
    gone_since: isoDate.nullable().describe('Capture date of the version from which the clause is gone for good, or null.'),
    /** stability.changes */
    changes: count.describe("Changes after the first appearance: rewordings of the clause's own sentences, removals and restorations."),
    /** stability.presentIn */
    present_in: count.describe('Versions holding the clause.'),
    /** stability.timeline */
    timeline: z.array(timelineEventSchema).describe('Each appearance, rewording and removal of the quote, oldest first.'),
  })
  .describe("Where the quote occurs across the document's history, predecessors included.");

/** The formatted citations (citation.ts). */
const citationSchema = z
  .object({
    /** Citation.apa */
    apa: z.string().describe('APA 7 reference, pinned to the cited version.'),
    /** Citation.bluebook */
    bluebook: z.string().describe('Bluebook internet citation, pinned to the cited version.'),
  })
  .describe('Ready-made citations of the record.');

/** `/api/v1/index.json`: what the atlas holds and where each record is. */
export const apiIndexSchema = z.object({
  /** Site */
  site: z
    .object({
      /** Site.name */
      name: siteSchema.shape.name.describe('Name of the atlas.'),
      /** Site.url */
      url: httpUrl.describe('Public origin of the atlas.'),
      /** Site.publisher */
      publisher: siteSchema.shape.publisher.describe('Who publishes the atlas.'),
      /** Site.id_prefix */
      id_prefix: siteSchema.shape.id_prefix.describe('Prefix of every record ID.'),
    })
    .describe('The atlas publishing this data.'),
  /** Atlas.dataAsOf */
  data_as_of: isoDate.nullable().describe('Capture date of the newest snapshot: the date the data is current to.'),
  /** lengths of the Atlas lists */
  counts: z
    .object({
      /** Atlas.platforms.length */
      platforms: count.describe('Tracked platforms.'),
      /** Atlas.documents.length */
      documents: count.describe('Tracked documents.'),
      /** Atlas.snapshots.length */
      snapshots: count.describe('Captured versions of all documents.'),
      /** Atlas.clauses.length */
      clauses: count.describe('Analysed clauses.'),
      /** Atlas.negatives.length */
      negatives: count.describe('Checked negative findings (a document version with no clause of a type).'),
      /** Atlas.clauseTypes.length */
      clause_types: count.describe('Clause types in the taxonomy.'),
      /** Atlas.regulations.length */
      regulations: count.describe('Regulations referenced.'),
      /** Atlas.agencies.length */
      agencies: count.describe('Agencies referenced.'),
    })
    .describe('How many records of each kind the atlas holds.'),
  /** exports.ts DATA_LICENCES */
  licences: z
    .object({
      /** DATA_LICENCES.analysis */
      analysis: z
        .object({
          /** DATA_LICENCES.analysis.name */
          name: z.string().describe('Licence name.'),
          /** DATA_LICENCES.analysis.url */
          url: httpUrl.describe('Licence text.'),
        })
        .describe('Licence of the analyses and computed facts.'),
      /** DATA_LICENCES.snapshots */
      snapshots: z
        .object({
          /** DATA_LICENCES.snapshots.name */
          name: z.string().describe('Licence name.'),
          /** DATA_LICENCES.snapshots.url */
          url: httpUrl.describe('Licence text.'),
          /** DATA_LICENCES.snapshots.credit */
          credit: z.string().describe('How to credit the source of the texts.'),
        })
        .describe('Licence of the captured policy texts.'),
    })
    .describe('Licences under which the data may be reused.'),
  /** exports.ts dataPath and json-schema.ts schemaPath */
  downloads: z
    .object({
      /** dataPath.jsonl */
      jsonl: httpUrl.describe('Every clause as one JSON object per line.'),
      /** dataPath.csv */
      csv: httpUrl.describe('Every clause as one CSV row (RFC 4180, lists joined with ";").'),
      /** schemaPath of every name in json-schema.ts */
      schemas: z.record(z.string(), httpUrl).describe('JSON Schema of each published shape, by name.'),
    })
    .describe('Bulk downloads and their schemas.'),
  /** grade.ts severityPoints and gradeBounds */
  grading: z
    .object({
      /** severityPoints */
      severity_points: z
        .object({
          /** severityPoints.low */
          low: count.describe('Points per low-severity clause.'),
          /** severityPoints.medium */
          medium: count.describe('Points per medium-severity clause.'),
          /** severityPoints.high */
          high: count.describe('Points per high-severity clause.'),
        })
        .describe('Concern points per clause of each severity.'),
      /** gradeBounds */
      bounds: z
        .array(
          z.object({
            /** gradeBounds[i][0] */
            grade: z.string().describe('Grade letter.'),
            /** gradeBounds[i][1] */
            max_index: z.number().describe('Highest concern index with this grade.'),
          }),
        )
        .describe('Grade for each concern index, best first; above the last bound the grade is E.'),
      /** requiredDocumentTypes */
      required_document_types: z
        .array(z.string())
        .describe('Document types in each of which a platform needs at least one analysed clause before it gets a letter.'),
    })
    .describe('How platform grades are computed: index = points / (clauses × high points).'),
  /** Atlas.platforms, each with PlatformRecord.grade */
  platforms: z
    .array(
      platformRefSchema.extend({
        /** PlatformRecord.grade */
        grade: gradeSchema,
      }),
    )
    .describe('Every tracked platform, by key, with its grade.'),
  /** Atlas.documents */
  documents: z.array(documentRefSchema).describe('Every tracked document, by key.'),
  /** Atlas.clauses */
  clauses: z.array(clauseRefSchema).describe('Every analysed clause, by key.'),
  /** Atlas.clauseTypes */
  clause_types: z.array(clauseTypeRefSchema).describe('Every clause type, by key.'),
});

/** `/api/v1/platforms/<platform>.json`. */
export const apiPlatformSchema = platformRefSchema.extend({
  /** Platform.website */
  website: httpUrl.nullable().describe('Home page of the service, or null when not recorded.'),
  /** Platform.headquarters */
  headquarters: countryCode.nullable().describe("Country of the operator's headquarters (ISO 3166-1 alpha-2), or null when not recorded."),
  /** Platform.description */
  description: text.nullable().describe("What the service is, in the atlas's words, or null when not written yet."),
  /** Platform.formerly */
  formerly: z
    .array(
      z.object({
        /** formerly[i].name */
        name: z.string().describe('Earlier name.'),
        /** formerly[i].until */
        until: isoDate.describe('Last day the name was used.'),
      }),
    )
    .describe('Names the platform had before, oldest first.'),
  /** Platform.parent */
  parent: z.string().nullable().describe('Company that owns or operates the platform, when it has a different name, or null.'),
  /** PlatformRecord.grade */
  grade: gradeSchema,
  /** PlatformRecord.severityCounts */
  severity_counts: severityCountsSchema,
  /** PlatformRecord.documents */
  documents: z.array(documentRefSchema).describe('Documents of the platform, by key.'),
  /** PlatformRecord.clauses */
  clauses: z.array(clauseRefSchema).describe('Analysed clauses in all documents of the platform, by key.'),
});

/** `/api/v1/documents/<platform>/<document>.json`. */
export const apiDocumentSchema = documentRefSchema.extend({
  /** DocumentData.type */
  type: documentSchema.shape.type.describe('Document type in the Open Terms Archive terms-types vocabulary.'),
  /** DocumentData.source_url */
  source_url: httpUrl.nullable().describe('Where the platform publishes the current text, or null when not recorded.'),
  /** DocumentData.language */
  language: z.string().describe('Language of the tracked text (BCP 47 tag).'),
  /** DocumentData.capture, selectors always as lists */
  capture: z
    .object({
      /** capture.select, a single selector made a list */
      select: z.array(z.string()).describe('CSS selectors of the elements holding the text.'),
      /** capture.remove, absent made an empty list */
      remove: z.array(z.string()).describe('CSS selectors of elements dropped from the selection.'),
    })
    .nullable()
    .describe('How the text is cut out of the source page when captured, or null when not written yet.'),
  /** site.url + /r/<id>/ */
  permanent_url: httpUrl.describe('Permanent URL of the record; always resolves to its current page.'),
  /** DocumentRecord.platform */
  platform: platformRefSchema.describe('The platform publishing the document.'),
  /** DocumentRecord.predecessor */
  predecessor: documentRefSchema.nullable().describe('Document whose history this one continues (e.g. a policy from before a rename), or null.'),
  /** DocumentRecord.successor */
  successor: documentRefSchema.nullable().describe("Document continuing this one's history, or null."),
  /** DocumentFacts */
  facts: z
    .object({
      /** facts.captures */
      captures: count.describe('Captures, predecessors included, whatever they hold.'),
      /** facts.versions */
      versions: count.describe('Versions (texts the platform published), predecessors included.'),
      /** facts.ownVersions */
      own_versions: count.describe('Versions captured under this document\'s own name.'),
      /** facts.firstCaptured.capturedOn */
      first_captured: isoDate.nullable().describe('Capture date of the earliest version.'),
      /** facts.lastChanged.capturedOn */
      last_changed: isoDate.nullable().describe('Capture date of the latest new version after the first.'),
      /** facts.lastVerified.capturedOn */
      last_verified: isoDate.nullable().describe('Capture date of the latest version: when the text was last checked.'),
      /** facts.monthsMonitored */
      months_monitored: count.describe('Whole months between the first and the latest capture.'),
    })
    .describe('Facts computed from the version history.'),
  /** DocumentRecord.severityCounts */
  severity_counts: severityCountsSchema,
  /** DocumentRecord.clauses */
  clauses: z.array(clauseRefSchema).describe('Analysed clauses of the document, by key.'),
  /** DocumentRecord.negatives */
  negatives: z.array(negativeFindingSchema).describe('Clause types checked and found absent from the document, by key.'),
  /** DocumentRecord.history */
  versions: z.array(versionSchema).describe('Every capture, predecessors first, oldest first, each with what it is.'),
  /** documentCitation */
  citation: citationSchema,
});

/** `/api/v1/clauses/<platform>/<document>/<clause>.json`. */
export const apiClauseSchema = clauseRefSchema.extend({
  /** ClauseData.summary */
  summary: clauseSchema.shape.summary.describe('One sentence on what the clause means for a user.'),
  /** ClauseData.confidence */
  confidence: clauseSchema.shape.confidence.describe('How sure the analysis is of its reading: low, medium or high.'),
  /** ClauseData.quote */
  quote: z.string().describe("The clause's words, verbatim from the document."),
  /** ClauseData.categories */
  categories: z.array(entryKey).describe('Topic tags.'),
  /** site.url + /r/<id>/ */
  permanent_url: httpUrl.describe('Permanent URL of the record; always resolves to its current page.'),
  /** ClauseRecord.sourceLink */
  source_link: httpUrl.nullable().describe('The live source with the quote highlighted (URL text fragment), or null when the source URL is not recorded.'),
  /** ClauseRecord.platform */
  platform: platformRefSchema.describe('The platform whose document holds the clause.'),
  /** ClauseRecord.document */
  document: documentRefSchema.describe('The document holding the clause.'),
  /** ClauseRecord.clauseType with ClauseType.family */
  clause_type: clauseTypeRefSchema.extend({ family: clauseTypeSchema.shape.family.describe('Broader group of the clause type.') }).describe('The clause type.'),
  /** ClauseTypeRecord.rarity */
  rarity: raritySchema,
  /** ClauseRecord.stability */
  stability: stabilitySchema,
  /** ClauseRecord.citedSnapshot */
  cited_snapshot: snapshotRefSchema.nullable().describe('The version the clause is cited against: the latest one containing the quote.'),
  /** ClauseRecord.regulations */
  regulations: z
    .array(
      z.object({
        /** RegulationRecord.key */
        key: entryKey.describe('Regulation key, as in content/regulations/<key>.md.'),
        /** Regulation.name */
        name: regulationSchema.shape.name.describe('Full official name.'),
        /** Regulation.short_name */
        short_name: regulationSchema.shape.short_name.describe('Short name, e.g. GDPR.'),
        /** Regulation.citation */
        citation: regulationSchema.shape.citation.describe('Formal citation.'),
        /** Regulation.jurisdiction_code */
        jurisdiction_code: regulationSchema.shape.jurisdiction_code.describe('ISO 3166 code of the jurisdiction, or EU.'),
        /** Regulation.official_url */
        official_url: httpUrl.describe("Official text or the regulator's page."),
        /** site.url + RegulationRecord.url */
        url: httpUrl.describe('The regulation page on the atlas.'),
        /** Regulation.reviewed_on */
        reviewed_on: regulationSchema.shape.reviewed_on.describe('The day the regulation page was last checked against official sources (YYYY-MM-DD).'),
      }),
    )
    .describe('Regulations that bear on the clause.'),
  /** ClauseRecord.agencies */
  agencies: z
    .array(
      z.object({
        /** AgencyRecord.key */
        key: entryKey.describe('Agency key, as in content/agencies/<key>.yaml.'),
        /** Agency.name */
        name: agencySchema.shape.name.describe('Official name.'),
        /** Agency.short_name */
        short_name: agencySchema.shape.short_name.describe('Short name or acronym.'),
        /** Agency.jurisdiction_code */
        jurisdiction_code: agencySchema.shape.jurisdiction_code.describe('ISO 3166 code of the jurisdiction, or EU.'),
        /** Agency.where_to_file.url */
        where_to_file: httpUrl.describe('Where to file a complaint or report.'),
        /** site.url + AgencyRecord.url */
        url: httpUrl.describe('The agency page on the atlas.'),
        /** Agency.reviewed_on */
        reviewed_on: agencySchema.shape.reviewed_on.describe('The day the agency page was last checked against official sources (YYYY-MM-DD).'),
      }),
    )
    .describe('Agencies a person could turn to.'),
  /** ClauseRecord.peers */
  peers: z.array(clauseRefSchema).describe('Up to 8 clauses of the same type on other platforms, by key: each platform\'s most severe one. The clause type\'s file lists every clause of the type.'),
  /** ClauseRecord.peerCount */
  peer_count: z.number().int().nonnegative().describe('How many clauses of the same type the other platforms have in all.'),
  /** ClauseRecord.siblings */
  siblings: z.array(clauseRefSchema).describe('Other analysed clauses in the same document, by key.'),
  /** ClauseRecord.related */
  related: z.array(clauseRefSchema).describe('Clauses read together with this one, in any document, whichever of the two names the other.'),
  /** ClauseRecord.secondaryTypes */
  secondary_types: z.array(clauseTypeRefSchema).describe('Other clause types the clause also bears on, besides its main type.'),
  /** ClauseData.written_on, reviewed_on, contributors */
  analysis: z
    .object({
      written_on: isoDate.nullable().describe('When the analysis was written (YYYY-MM-DD), or null when not recorded.'),
      reviewed_on: isoDate.nullable().describe('When a person last checked the analysis against the policy (YYYY-MM-DD), or null.'),
      contributors: z.array(z.string()).describe('Who wrote or reviewed the analysis, as credited; empty credits the atlas.'),
    })
    .describe('The analysis as a work: its dates and contributors.'),
  /** clauseCitation */
  citation: citationSchema,
});

/** `/api/v1/clause-types/<type>.json`. */
export const apiClauseTypeSchema = clauseTypeRefSchema.extend({
  /** ClauseType.family */
  family: clauseTypeSchema.shape.family.describe('Broader group of the clause type.'),
  /** ClauseType.description */
  description: clauseTypeSchema.shape.description.describe('What a clause of this type does.'),
  /** ClauseType.severity_guide */
  severity_guide: z
    .object({
      /** severity_guide.low */
      low: z.string().describe('What makes it low.'),
      /** severity_guide.medium */
      medium: z.string().describe('What makes it medium.'),
      /** severity_guide.high */
      high: z.string().describe('What makes it high.'),
    })
    .describe('What makes a clause of this type low, medium or high severity.'),
  /** ClauseTypeRecord.rarity */
  rarity: raritySchema,
  /** ClauseTypeRecord.severityCounts */
  severity_counts: severityCountsSchema,
  /** ClauseTypeRecord.platforms */
  platforms: z.array(platformRefSchema).describe('Platforms with at least one clause of this type, by key.'),
  /** ClauseTypeRecord.clauses */
  clauses: z.array(clauseRefSchema).describe('Clauses of this type on all platforms, by key.'),
  /** ClauseType.core */
  core: z.boolean().describe('Whether the type is in the core set every platform is answered for (compared on /compare/).'),
  /** ClauseTypeRecord.negatives */
  negatives: z.array(negativeFindingSchema).describe('Documents checked and found to have no clause of this type, by key.'),
});

/** One line of `/data/atlas.jsonl` and one row of `/data/clauses.csv`: a clause with its facts, flat. */
export const clauseRowSchema = z.object({
  /** ClauseData.id */
  id: recordId('clause').describe('Permanent record ID of the clause.'),
  /** ClauseRecord.key */
  key: clauseKey.describe('Clause key, <platform>/<document>/<clause>.'),
  /** PlatformRecord.slug */
  platform: slug.describe('Platform key.'),
  /** Platform.name */
  platform_name: z.string().describe('Current public name of the platform.'),
  /** DocumentRecord.key */
  document: documentKey.describe('Document key, <platform>/<document>.'),
  /** DocumentData.id */
  document_id: recordId('document').describe('Permanent record ID of the document.'),
  /** DocumentData.title */
  document_title: z.string().describe('Title of the document.'),
  /** DocumentData.type */
  document_type: documentSchema.shape.type.describe('Document type in the Open Terms Archive vocabulary.'),
  /** ClauseData.title */
  title: z.string().describe('Title of the clause analysis.'),
  /** ClauseData.summary */
  summary: z.string().describe('One sentence on what the clause means for a user.'),
  /** ClauseData.clause_type */
  clause_type: entryKey.describe('Clause type key.'),
  /** ClauseType.name */
  clause_type_name: z.string().describe('Name of the clause type.'),
  /** ClauseType.family */
  clause_type_family: z.string().describe('Broader group of the clause type.'),
  /** ClauseData.severity */
  severity: severity.describe('Severity: low, medium or high.'),
  /** ClauseData.confidence */
  confidence: clauseSchema.shape.confidence.describe('Confidence of the analysis: low, medium or high.'),
  /** ClauseData.quote */
  quote: z.string().describe("The clause's words, verbatim from the document."),
  /** ClauseData.regulations */
  regulations: z.array(entryKey).describe('Keys of regulations that bear on the clause.'),
  /** ClauseData.agencies */
  agencies: z.array(entryKey).describe('Keys of agencies a person could turn to.'),
  /** ClauseData.categories */
  categories: z.array(entryKey).describe('Topic tags.'),
  /** rarity.label */
  rarity: raritySchema.shape.label,
  /** rarity.platforms */
  rarity_platforms: count.describe('Tracked platforms with a clause of the same type.'),
  /** rarity.hasNot */
  rarity_has_not: raritySchema.shape.has_not,
  /** rarity.unknown */
  rarity_unknown: raritySchema.shape.unknown,
  /** rarity.total */
  rarity_total: count.describe('Platforms the atlas tracks.'),
  /** stability.firstSeen */
  first_seen: stabilitySchema.shape.first_seen,
  /** stability.lastSeen */
  last_seen: stabilitySchema.shape.last_seen,
  /** stability.stillPresent */
  still_present: stabilitySchema.shape.still_present,
  /** stability.goneSince */
  gone_since: stabilitySchema.shape.gone_since,
  /** stability.changes */
  changes: stabilitySchema.shape.changes,
  /** stability.presentIn */
  present_in: stabilitySchema.shape.present_in,
  /** citedSnapshot.stamp */
  cited_stamp: stamp.nullable().describe('Stamp of the version the clause is cited against, or null.'),
  /** citedSnapshot.capturedAt */
  cited_captured_at: isoInstant.nullable().describe('Capture instant of the cited version (UTC), or null.'),
  /** citedSnapshot.data.sha256 */
  cited_sha256: snapshotSchema.shape.sha256.nullable().describe("SHA-256 of the cited version's text, or null."),
  /** citedSnapshot.data.archive_url */
  cited_archive_url: httpUrl.nullable().describe("Public archive copy of the cited version's source, or null."),
  /** raw snapshot path of citedSnapshot */
  cited_raw_url: httpUrl.nullable().describe("The cited version's text, byte for byte as hashed, or null."),
  /** ClauseRecord.sourceLink */
  source_link: httpUrl.nullable().describe('The live source with the quote highlighted, or null when the source URL is not recorded.'),
  /** site.url + ClauseRecord.url */
  url: httpUrl.describe('The clause page on the atlas.'),
  /** site.url + /r/<id>/ */
  permanent_url: httpUrl.describe('Permanent URL of the record.'),
  /** apiPath.clause */
  api_url: httpUrl.describe('This clause in the JSON API.'),
  /** ClauseRecord.peers */
  peers: z.array(clauseKey).describe('Keys of up to 8 clauses of the same type on other platforms: each platform\'s most severe one.'),
  /** ClauseRecord.peerCount */
  peer_count: z.number().int().nonnegative().describe('How many clauses of the same type the other platforms have in all.'),
});

export type ApiIndex = z.infer<typeof apiIndexSchema>;
export type ApiPlatform = z.infer<typeof apiPlatformSchema>;
export type ApiDocument = z.infer<typeof apiDocumentSchema>;
export type ApiClause = z.infer<typeof apiClauseSchema>;
export type ApiClauseType = z.infer<typeof apiClauseTypeSchema>;
export type ClauseRow = z.infer<typeof clauseRowSchema>;
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;
export type PlatformRef = z.infer<typeof platformRefSchema>;
export type DocumentRef = z.infer<typeof documentRefSchema>;
export type ClauseRef = z.infer<typeof clauseRefSchema>;
export type ClauseTypeRef = z.infer<typeof clauseTypeRefSchema>;
export type Rarity = z.infer<typeof raritySchema>;
export type ApiNegative = z.infer<typeof negativeFindingSchema>;
