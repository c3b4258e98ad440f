// Loaded with `--import`: Puppeteer, pdf-lib and Handlebars cannot be imported, so a command that loads them fails.
import { register } from 'node:module';

register(new URL('./bar-render-hooks.mjs', import.meta.url));
