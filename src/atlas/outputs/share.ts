/**
 * Share links for a page: plain URLs that open each service's own compose or
 * share form, so sharing needs no script, no embed and no tracker on the
 * atlas's pages (the Content-Security-Policy is unaffected). Mastodon has no
 * instance-free share URL, so the page's address is given for copying instead.
 */

/** One way to share: a label and the URL that opens it. */
export interface ShareLink {
  label: string;
  href: string;
}

/**
 * Links to share `url` (absolute) under `title`: e-mail (RFC 6068 `mailto:`),
 * Bluesky's compose intent, LinkedIn's share-offsite endpoint and X's post
 * intent, in that order. Every value is percent-encoded.
 */
export function shareLinks(url: string, title: string): ShareLink[] {
  const enc = encodeURIComponent;
  return [
    { label: 'E-mail', href: `mailto:?subject=${enc(title)}&body=${enc(`${title}\n${url}`)}` },
    { label: 'Bluesky', href: `https://bsky.app/intent/compose?text=${enc(`${title} ${url}`)}` },
    { label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}` },
    { label: 'X', href: `https://x.com/intent/post?url=${enc(url)}&text=${enc(title)}` },
  ];
}
