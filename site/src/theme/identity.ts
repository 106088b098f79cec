// The municipality's identity as design tokens: its colours from its data file, over theme.css's neutral
// default, served as one small style sheet (/huisstijl.css) so no page needs an inline style.
import type { Municipality } from '../../../functions/kernel/municipality';

export const IDENTITY_STYLESHEET = '/huisstijl.css';

export function identityCss(municipality: Municipality): string {
  const colours = municipality.identity?.colours;
  if (!colours) return '/* No identity in the municipality file: the neutral default of theme.css applies. */\n';
  // html.wijkloket-theme outranks theme.css's .wijkloket-theme, whatever order the style sheets load in.
  return [
    `/* ${municipality.name}: design tokens from its municipality file. */`,
    'html.wijkloket-theme {',
    `  --wk-color-primary: ${colours.primary};`,
    `  --wk-color-primary-dark: ${colours.primaryDark};`,
    `  --wk-color-accent: ${colours.accent};`,
    '}',
    '',
  ].join('\n');
}
