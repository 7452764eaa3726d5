import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The page's policy. The app is one origin: its bundles, fonts, CanvasKit's wasm, the REST API and the WebSocket
 * ('self' covers ws:/wss: to the same host). 'wasm-unsafe-eval' lets CanvasKit compile its wasm without allowing
 * eval of JavaScript. Styles: react-native-web and Swagger UI write inline style attributes and <style> rules at run
 * time, so inline styles are allowed; scripts never are. Images: avatars are https URLs of the user's choice, and
 * Skia and Swagger UI draw from data: and blob: URLs.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Not upgrade-insecure-requests: a server reached over plain http (a LAN address, no TLS) would lose every asset.
  upgradeInsecureRequests: null,
};

/**
 * Security headers on every answer (helmet): nosniff, no framing (frame-ancestors and X-Frame-Options), the page's
 * CSP, a same-origin referrer policy. HSTS only on requests that came over TLS - directly, or through the trusted
 * proxy's X-Forwarded-Proto (TRUST_PROXY) - so a plain-http deployment is never told to insist on https;
 * `hstsMaxAgeSeconds` 0 sends none. The headers are worked out once here: @fastify/helmet built them again for every
 * request (its policy parsing showed in the profile of a server taking thousands of sign-ins).
 */
export function installSecurityHeaders(app: FastifyInstance, hstsMaxAgeSeconds: number): void {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // CanvasKit's wasm and the fonts are fetched by the page itself; nothing is embedded from elsewhere.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)));
  if (hstsMaxAgeSeconds === 0) return;
  const hsts = `max-age=${hstsMaxAgeSeconds}; includeSubDomains`;
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', hsts);
  });
}
