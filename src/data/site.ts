/** Name shown in the header, titles and Open Graph `og:site_name`. */
export const siteName = 'Crossread';

export const siteDescription =
  'Read several news reports of one event side by side: the claims they share, the claims only one makes, and the wording they have in common.';

/**
 * Language of the interface text (labels, headings we write). Pages without reports use it; pages with
 * reports take their language from the reports.
 */
export const interfaceLang = 'en';
