// Code of the CloudFront Functions (runtime cloudfront-js-2.0). Kept as source text here and tested by
// running it in a Node vm (tests/unit/edge-functions.test.ts), because CloudFront runs it, not Lambda.

/** Viewer request on S3 paths: "/en/" and "/en" are served as "/en/index.html" (Astro's directory format). */
export const STATIC_INDEX_FUNCTION = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
`;

/**
 * Viewer request on function paths: API Gateway sees its own host name, so the viewer's host travels in
 * X-Forwarded-Host; the site function rebuilds the page URL from it (Astro's origin check needs it).
 */
export const FORWARD_HOST_FUNCTION = `
function handler(event) {
  var request = event.request;
  if (request.headers.host) {
    request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  }
  return request;
}
`;
