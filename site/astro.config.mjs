import { defineConfig, passthroughImageService } from 'astro/config';
import wijkloketAdapter from './adapter/index.mjs';

// Static by default: every page is prerendered unless it says `export const prerender = false`.
export default defineConfig({
  // The public address, when known at build time (a custom domain): then pages name their other-language
  // version with an absolute hreflang link. Without it they leave hreflang out, as a relative one is invalid.
  site: process.env.PUBLIC_SITE_URL || undefined,
  output: 'static',
  adapter: wijkloketAdapter(),
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: { locales: ['nl', 'en'], defaultLocale: 'nl', routing: { prefixDefaultLocale: false } },
  security: { checkOrigin: true },
  devToolbar: { enabled: false },
  // No image optimisation at runtime: no sharp in Lambda, and the site ships no photos.
  image: { service: passthroughImageService() },
  // Never inline a script into the page: the Content-Security-Policy allows scripts from the site only.
  vite: { build: { assetsInlineLimit: 0 } },
});
