/** Test results as CI systems read them: TAP (version 13) or JUnit XML. */
import type { CaseResult } from './run-case.js';

export const REPORTERS = ['tap', 'junit'] as const;
export type Reporter = (typeof REPORTERS)[number];

export function report(results: CaseResult[], reporter: Reporter): string {
  return reporter === 'tap' ? tap(results) : junit(results);
}

function tap(results: CaseResult[]): string {
  const lines = ['TAP version 13', `1..${results.length}`];
  results.forEach((r, i) => {
    // A # would start a directive (# SKIP, # TODO) that hides a failure.
    lines.push(`${r.ok ? 'ok' : 'not ok'} ${i + 1} - ${r.name.replaceAll('\\', '\\\\').replaceAll('#', '\\#')}`);
    if (r.ok) return;
    // A YAML block: each problem a quoted string, so no character in it can break the block.
    lines.push('  ---', '  problems:', ...r.problems.map((p) => `    - ${JSON.stringify(p)}`), '  ...');
  });
  return lines.join('\n') + '\n';
}

function junit(results: CaseResult[]): string {
  const failures = results.filter((r) => !r.ok).length;
  const time = results.reduce((t, r) => t + r.seconds, 0).toFixed(3);
  const cases = results.map((r) => {
    const open = `    <testcase classname="lagesbild" name="${xml(r.name)}" time="${r.seconds.toFixed(3)}"`;
    if (r.ok) return `${open}/>`;
    return `${open}>\n      <failure message="${xml(r.problems[0] ?? 'failed')}">${xml(r.problems.join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lagesbild test" tests="${results.length}" failures="${failures}" time="${time}">`,
    `  <testsuite name="lagesbild" tests="${results.length}" failures="${failures}" errors="0" time="${time}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest escaped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
