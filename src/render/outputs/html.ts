/** The report as one HTML file, as the template made it: needs the HTML, no browser. */
import { defineOutput } from './output.js';

export const html = defineOutput({
  extensions: ['html', 'htm'],
  needs: { html: true, browser: false },
  render: async (_model, { doc }) => doc.html,
});
