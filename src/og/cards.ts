/**
 * Which OG card each page gets, built from the Atlas model: one card per
 * platform, document, clause, clause type and regulation page, and a site card
 * for the home page that every other page shares. Each card's image path is
 * `routes.ogImage` of its page.
 */
import type { Atlas } from '../atlas/model/model.ts';
import { jurisdictionName, plural } from '../atlas/model/wording.ts';
import type { CardData } from './card.ts';
import { routes } from '../atlas/routes.ts';

export interface OgCard {
  /** The page's path, e.g. `/platform/x/privacy-policy/ai-training/`. */
  route: string;
  /** The image's path on the site, e.g. `/og/platform/x/privacy-policy/ai-training.png`. */
  image: string;
  card: CardData;
}

const joined = (...parts: Array<string | undefined>) => parts.filter((part): part is string => Boolean(part)).join(' · ');

/** The cards of every page that has one of its own, the home page first. */
export function ogCardsFor(atlas: Atlas): OgCard[] {
  const site = { siteName: atlas.site.name, siteHost: new URL(atlas.site.url).host };
  const entries: Array<{ route: string; card: CardData }> = [
    {
      route: '/',
      card: {
        ...site,
        kind: 'site',
        title: atlas.site.tagline,
        subtitle: joined(plural(atlas.platforms.length, 'platform'), plural(atlas.documents.length, 'policy', 'policies'), plural(atlas.clauses.length, 'analysed clause')),
      },
    },
  ];
  for (const platform of atlas.platforms) {
    entries.push({
      route: platform.url,
      card: {
        ...site,
        kind: 'platform',
        title: platform.data.name,
        subtitle: joined(
          platform.data.formerly.length ? `formerly ${platform.data.formerly.map((f) => f.name).join(', ')}` : undefined,
          plural(platform.documents.length, 'policy', 'policies'),
          plural(platform.clauses.length, 'analysed clause'),
        ),
      },
    });
  }
  for (const document of atlas.documents) {
    const since = document.facts.firstCaptured?.capturedOn.slice(0, 4);
    entries.push({
      route: document.url,
      card: {
        ...site,
        kind: 'document',
        title: document.data.title,
        subtitle: joined(document.data.type, `${plural(document.facts.versions, 'version')}${since ? ` since ${since}` : ''}`),
        platform: document.platform.data.name,
        recordId: document.data.id,
      },
    });
  }
  for (const clause of atlas.clauses) {
    entries.push({
      route: clause.url,
      card: {
        ...site,
        kind: 'clause',
        title: clause.data.title,
        subtitle: joined(clause.clauseType?.data.name ?? clause.data.clause_type, clause.document.data.type),
        platform: clause.platform.data.name,
        severity: clause.data.severity,
        recordId: clause.data.id,
      },
    });
  }
  for (const type of atlas.clauseTypes) {
    entries.push({
      route: type.url,
      card: { ...site, kind: 'clause-type', title: type.data.name, subtitle: joined(type.data.family, `found on ${type.rarity.platforms} of ${type.rarity.total} platforms; none at ${type.rarity.hasNot}; ${type.rarity.unknown} not analysed`) },
    });
  }
  for (const regulation of atlas.regulations) {
    entries.push({
      route: regulation.url,
      card: { ...site, kind: 'regulation', title: regulation.data.short_name, subtitle: joined(jurisdictionName(regulation.data.jurisdiction_code), regulation.data.citation) },
    });
  }
  return entries.map((entry) => ({ ...entry, image: routes.ogImage(entry.route) }));
}

/**
 * A function from a page's route to its OG image: the page's own card, else
 * the nearest ancestor's (a snapshot page shows its document's card), else the
 * home page's site card. Build it once per build; each call is a few map lookups.
 */
export function ogImageLookup(cards: readonly OgCard[]): (route: string) => string {
  const byRoute = new Map(cards.map((card) => [card.route, card.image]));
  const fallback = byRoute.get('/') ?? routes.ogImage(routes.home());
  return (route) => {
    for (let path = route.endsWith('/') ? route : `${route}/`; path.length > 1; path = path.replace(/[^/]+\/$/, '')) {
      const image = byRoute.get(path);
      if (image) return image;
    }
    return fallback;
  };
}
