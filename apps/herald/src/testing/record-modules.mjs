// Loaded with `node --import` by tests: registers record-modules.hooks.mjs, which writes the URL
// of every module resolved or loaded to the file named by HERALD_MODULE_LOG.
import { register } from 'node:module';

register('./record-modules.hooks.mjs', import.meta.url);
