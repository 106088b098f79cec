// The Dutch catalogue: every text Wijkloket shows or sends, in the source language. One folder per locale, a file per
// section; the sections are separate exports so that a bundle carries only what it reads (the API no page texts, the site
// host no e-mails). Plain language (B1). Texts take {name} parameters.
export { shared } from './shared';
export { pages } from './pages';
export { mail } from './mail';
export { redaction } from './redaction';
export { topics } from './topics';
export { team } from './team';
