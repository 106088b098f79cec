// Type of the built Astro server entry (made by `npm run build` from site/adapter/server.mjs). The site host
// reaches it through the package's `#astro-entry` import, so no file under functions/ names site/.
declare module '#astro-entry' {
  export const render: import('./app').AstroRender;
}
