/**
 * The files of a new lagesbild set-up, as text: a commented config, a crontab
 * line, a CI job (one script, called by GitHub Actions and GitLab CI), a test
 * case, and a short README. Pure: the caller writes them and copies the template.
 */
import type { SampleExports } from './sample-data.js';

export interface ScaffoldOptions {
  municipality: string;
  /** First day of the last complete window: the test case's window, and the sample data's second fortnight. */
  windowStart: string;
  /** Monday the cadence counts from. */
  anchor: string;
  days: number;
  /** How the CI job installs lagesbild: an npm package spec (name@version, git URL, tarball); empty until given. */
  packageSpec: string;
  /** Absolute paths for the crontab line, which runs with cron's bare PATH. */
  node: string;
  bin: string;
  dir: string;
  samples: SampleExports;
}

export function scaffoldFiles(o: ScaffoldOptions): Record<string, string> {
  return {
    'lagesbild.config.yaml': config(o),
    'exporter/handelser.csv': o.samples.incidents,
    'exporter/ronder.csv': o.samples.patrols,
    'bedomning.md': NOTES,
    'tests/exempel/case.yaml': testCase(o),
    'tests/exempel/handelser.csv': o.samples.incidents,
    'tests/exempel/ronder.csv': o.samples.patrols,
    'tests/exempel/bedomning.md': NOTES,
    'crontab.txt': crontab(o),
    'ci/lagesbild-ci.sh': CI_SCRIPT,
    '.github/workflows/lagesbild.yml': githubWorkflow(o),
    '.gitlab-ci.yml': gitlabCi(o),
    '.gitignore': 'rapporter/\nrapporter.log\ntests/*/actual/\nlagesbild-test.xml\n.lagesbild/\n',
    'README.md': readme(o),
  };
}

const yamlString = (s: string) => JSON.stringify(s);

function config(o: ScaffoldOptions): string {
  return `# lagesbild: the fortnightly lägesbild for ${o.municipality}.
# Every key is described in lagesbild's README, under "Config". Paths are relative to this file.

municipality: ${yamlString(o.municipality)}
# Printed on the title page and in every footer.
recipient: "Lokalpolisområde ${o.municipality.replace(/s? kommun$/, '')}"
# The classification on every page and in the PDF's keywords, e.g. "TLP:AMBER".
marking: "Begränsad delning"
timezone: Europe/Stockholm

period:
  # Windows start on this Monday + k × days: a run without --from makes the last complete one.
  anchor: ${o.anchor}
  days: ${o.days}

# Where generate finds the exports when no --incidents is given (file names or patterns such as exporter/*.csv).
# An export covers the days from its first to its last row; where that is too short (a last week with
# no incident), give its days: - { file: exporter/handelser.csv, from: 2024-01-01, to: 2024-12-13 }
inputs:
  incidents: [exporter/handelser*.csv]
  patrols: [exporter/ronder*.csv]
  # The coordinator's assessment and planned actions, in Markdown.
  notes: bedomning.md

# Write no report when the exports do not cover the whole window (exit 1, so that cron mails), rather
# than one that shows a fall that is only a stale export.
# refuseIncomplete: true

output:
  dir: rapporter
  # {year} {weeks} {from} {to} {report} {format}; a re-run for a window already made does nothing.
  name: "lagesbild-{year}-{weeks}.{format}"

# This municipality's own template: its files replace the default's. Its regression tests are in tests/.
template: template

# Incidents in serious categories are listed one by one, with their descriptions, in the report. Left out,
# serious is what police and municipal exports call so (misshandel, rån, skottlossning, explosion, hot,
# våld, mord/dråp, våldtäkt, brand…, matched loosely; an automatic fire alarm is not). A list replaces that:
# seriousCategories: [hot, våld, brand]

# Spellings in the exports that mean the same place or category, e.g. "Inre hamn": "Inre hamnen".
areaAliases: {}
categoryAliases: {}
`;
}

function testCase(o: ScaffoldOptions): string {
  return `# A template regression test: lagesbild test renders this with the set-up's config and template
# and compares it with expected/. After a deliberate change: lagesbild test --update, then look at expected/.
config: ../../lagesbild.config.yaml
from: ${o.windowStart}
incidents: [handelser.csv]
patrols: [ronder.csv]
notes: bedomning.md
`;
}

function crontab(o: ScaffoldOptions): string {
  return `# lagesbild for ${o.municipality}: add with \`crontab -e\`.
# Every Monday at 06:15. On a fortnightly cadence every other Monday makes the lägesbild of the
# fortnight just ended; the Mondays between find it made and do nothing (exit 0). What it says goes
# to rapporter.log as JSON lines, readable by you only (umask 077), as the reports are; when it
# fails, the line after || is what cron mails.
15 6 * * 1  cd ${shellQuote(o.dir)} && umask 077 && ${shellQuote(o.node)} ${shellQuote(o.bin)} generate --log-format json 2>> rapporter.log || echo "lagesbild failed (exit $?): see ${o.dir}/rapporter.log" >&2
`;
}

const CI_SCRIPT = `#!/bin/sh
# The CI job of this lagesbild set-up, the same for GitHub Actions (.github/workflows/lagesbild.yml)
# and GitLab CI (.gitlab-ci.yml): it renders each case in tests/ and compares it with expected/.
# Run it on a Debian or Ubuntu machine (as in the node:20-bookworm image) or on your own.
set -eu
cd "$(dirname "$0")/.."

# 1. What lagesbild needs from the system: a Chromium to print, Poppler to draw the pages compared.
if ! command -v pdftoppm >/dev/null 2>&1 || ! { [ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null 2>&1; }; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium poppler-utils fonts-liberation >/dev/null
fi

# 2. lagesbild itself, unless the job has it already (LAGESBILD=path/to/lagesbild).
if [ -z "\${LAGESBILD:-}" ]; then
  npm install --no-save --no-audit --no-fund --prefix .lagesbild "\${LAGESBILD_PACKAGE:?set LAGESBILD_PACKAGE in the CI file to how lagesbild is installed: an npm spec, a git URL or a tarball}"
  LAGESBILD=.lagesbild/node_modules/.bin/lagesbild
fi

# 3. The template's regression tests: JUnit for the CI system, and what differs in the job's log.
status=0
"$LAGESBILD" test tests --reporter junit > lagesbild-test.xml || status=$?
if [ "$status" -ne 0 ]; then
  cat tests/*/actual/report.md 2>/dev/null || true
  echo "The differences, with diff images, are in tests/*/actual/. If the change was meant: lagesbild test --update, and commit expected/."
fi
exit "$status"
`;

function githubWorkflow(o: ScaffoldOptions): string {
  return `# lagesbild: the template's regression tests on every push and pull request.
name: lagesbild
on: [push, pull_request]
jobs:
  template:
    runs-on: ubuntu-latest
    # Debian, as lagesbild's expected images were made with Debian's Chromium.
    container: node:20-bookworm
    steps:
      - uses: actions/checkout@v4
      - run: sh ci/lagesbild-ci.sh
        env:
          # How to install lagesbild: an npm spec, a git URL or a tarball (lagesbild init --package).
          LAGESBILD_PACKAGE: ${yamlString(o.packageSpec)}
      - if: failure()
        uses: actions/upload-artifact@v4
        with:
          name: lagesbild-differences
          path: tests/*/actual/
`;
}

function gitlabCi(o: ScaffoldOptions): string {
  return `# lagesbild: the template's regression tests on every push.
lagesbild:
  image: node:20-bookworm
  variables:
    # How to install lagesbild: an npm spec, a git URL or a tarball (lagesbild init --package).
    LAGESBILD_PACKAGE: ${yamlString(o.packageSpec)}
  script:
    - sh ci/lagesbild-ci.sh
  artifacts:
    when: always
    reports:
      junit: lagesbild-test.xml
    paths:
      - tests/*/actual/
`;
}

function readme(o: ScaffoldOptions): string {
  return `# lagesbild for ${o.municipality}

Made by \`lagesbild init\`. The sample exports in \`exporter/\` are made up; replace them with your own.

- \`lagesbild generate\` — the lägesbild of the last complete fortnight, into \`rapporter/\`.
- \`lagesbild validate\` — what the exports hold and what to fix, without a report.
- \`lagesbild test\` — the template's regression tests in \`tests/\`; \`--update\` after a deliberate change.

| file | what it is |
| --- | --- |
| \`lagesbild.config.yaml\` | the config: municipality, recipient, marking, cadence, where exports and reports are |
| \`template/\` | your copy of the default template; its files replace the default's |
| \`exporter/\` | the exports \`generate\` reads (\`inputs\` in the config) |
| \`bedomning.md\` | the coordinator's assessment and planned actions |
| \`tests/exempel/\` | a regression test: frozen exports, and the report they must give in \`expected/\` |
| \`crontab.txt\` | a crontab line that makes the lägesbild every other Monday |
| \`ci/lagesbild-ci.sh\` | the CI job, run by \`.github/workflows/lagesbild.yml\` and \`.gitlab-ci.yml\` |
`;
}

const NOTES = `## Bedömning

**Inre hamnen** står för den största ökningen, främst ordningsstörningar och narkotika kvällstid.

## Planerade insatser till nästa lägesbild

1. Väktarronderna i Inre hamnen flyttas till kl. 21–01 fredag–lördag.
2. Polisen prioriterar synlig närvaro vid kajen.
`;

function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
