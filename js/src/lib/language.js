/* Which language an address is in, for the bilingual 404 page. */

/** The language whose root (roots: [{lang, href}], e.g. {lang: "zh", href: "/site/zh/"}) is the
    longest prefix of `path`: the default language's root is the site root, so "/site/zh/x" is zh
    and "/site/x" the default; null when no root matches. */
export function languageOfPath(path, roots) {
  let want = null;
  for (const root of roots) {
    if (path.indexOf(root.href) === 0 && (!want || root.href.length > want.href.length)) want = root;
  }
  return want;
}
