// Server entry of the Wijkloket adapter (becomes dist/server/entry.mjs).
import { createApp } from 'astro/app/entrypoint';

const app = createApp();

/** Renders an on-demand page, or the 404 page when no route matches. */
export function render(request, locals) {
  return app.render(request, { locals, addCookieHeader: true });
}
