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

// HUAIBEI_DIST: another build folder (vite build --outDir dist-x), so parallel work does not share dist/.
const OUT_DIR = process.env.HUAIBEI_DIST ?? 'dist';

/** Serves the built site (dist/) on 127.0.0.1, as a user's browser would get it. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${ROOT}${OUT_DIR}/index.html`))
    throw new Error(`${OUT_DIR}/ is missing: run \`npm run build\` before the browser tests`);
  const server = await preview({
    root: ROOT,
    build: { outDir: OUT_DIR },
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
