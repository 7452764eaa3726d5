/** The path the server serves the console under (vite's `base` and the router's basename say the same). */
export const CONSOLE_BASENAME = '/admin';

/** The platform's REST root: the console is served by the same server, so the same origin. */
export const API_ROOT = '/v4';
