// Type of the built Astro server entry (made by `npm run build` from site/adapter/server.mjs).
declare module '*/site/dist/server/entry.mjs' {
  export const render: import('./app').AstroRender;
}
