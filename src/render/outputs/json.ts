/** The report model itself, as JSON: needs neither the HTML nor a browser. */
import { defineOutput } from './output.js';

export const json = defineOutput({
  extensions: ['json'],
  needs: { html: false, browser: false },
  render: async (model) => JSON.stringify(model, null, 2) + '\n',
});
