// Serves the renderer bundle under app://ferry/ from the web root only, with the CSP the browser host uses.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, WEB_ROOT } from './app-paths.js';
import { contentSecurityPolicy, resolveStaticFile } from './web-files.js';

/** Must run before the app is ready: a standard, secure scheme gives the page a real origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await resolveStaticFile(WEB_ROOT, new URL(request.url).pathname);
    if (file === null) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy([]));
    return new Response(response.body, { status: response.status, headers });
  });
}
