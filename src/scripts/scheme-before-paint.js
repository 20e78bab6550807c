// Inline at the start of <body> on every page, so the first paint is already in the reader's chosen scheme (see scheme.ts).
// The policy in astro.config.mjs lists the SHA-256 of this file's exact text: any edit is hashed at build time.
try {
  const scheme = localStorage.getItem('crossread-scheme');
  if (scheme === 'light' || scheme === 'dark') document.documentElement.dataset.scheme = scheme;
} catch {}
// Tells the style sheets that scripts run, so that controls the modules reveal later keep their room from the
// first paint instead of pushing the page down when they appear.
document.documentElement.dataset.js = '';
