import { createRequire } from 'node:module';

// package.json is the one place the version is written; read it once at start-up.
const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { version: string };
export const VERSION: string = pkg.version;
