// A minimal Astro adapter: its server entry turns the site into one fetch-style function,
// render(request, locals) -> Response, which the Hono site app mounts locally and in Lambda.
// Chosen over @astrojs/node because that adapter speaks Node's req/res, not Request/Response.
// See docs/decisions/0002-astro-rendering.md.
export default function wijkloketAdapter() {
  return {
    name: 'wijkloket-adapter',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'wijkloket-adapter',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server.mjs', import.meta.url),
          supportedAstroFeatures: {
            staticOutput: 'stable',
            serverOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'unsupported',
            envGetSecret: 'unsupported',
          },
        });
      },
    },
  };
}
