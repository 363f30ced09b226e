import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Serves the built site (dist/) on 127.0.0.1, as a user's browser would get it. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${ROOT}dist/index.html`))
    throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report its address');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
