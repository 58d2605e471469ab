import compression from 'compression';
import express, { type Router } from 'express';
import { dirname, join } from 'node:path';
import { PORTAL_SCRIPTS, USWDS_ASSETS } from './layout';

/** The installed @uswds/uswds package's built files (css, fonts, img, js): served from here, never a CDN. */
function uswdsDist(): string {
  return join(dirname(require.resolve('@uswds/uswds')), '..');
}

/**
 * The portal's static files: compressed (USWDS's stylesheet is 527 KB, about 70 KB gzipped) and
 * cached for a day, so a new version of the package reaches readers within a day.
 */
export function portalAssets(): Router {
  const router = express.Router();
  // The bundled browser scripts, next to the compiled server code (dist/portal).
  router.use(PORTAL_SCRIPTS, compression(), express.static(join(__dirname, '..', '..', '..', 'portal'), { index: false, maxAge: '1h', fallthrough: false }));
  router.use(USWDS_ASSETS, compression(), express.static(uswdsDist(), { index: false, maxAge: '1d', fallthrough: false }));
  return router;
}
