/**
 * The command line: flags only. Each command's module is imported when the command
 * runs, so that --help and a failing flag cost no more than Node's own start-up.
 */
import { Command, Option } from 'commander';
import { FORMATS } from '../render/outputs/index.js';
import { VERSION } from '../version.js';
import { LOG_FORMATS, type Logger } from './log.js';

export interface GlobalOptions {
  debug?: boolean;
  quiet?: boolean;
  logFormat?: 'text' | 'json';
}

export function buildProgram(log: () => Logger): Command {
  const program = new Command('lagesbild')
    .description('Fortnightly lägesbild for the local police area: CSV exports of incidents and guard patrols in, a PDF out.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors, and what the run is doing when')
    .option('-q, --quiet', 'print only warnings and errors')
    .addOption(new Option('--log-format <format>', 'text for people; json for machines: one object a line on stderr').choices(LOG_FORMATS).default('text'))
    .showHelpAfterError('(run with --help for usage)')
    // Before any subcommand exists, so that they inherit it: main() maps commander's exits to our codes.
    .exitOverride();

  withInputs(program.command('generate').description('read incident and patrol exports and write the lägesbild for a window of days'))
    .option('-o, --output <file>', 'where to write the report; - for stdout (default: the config\'s output.name in output.dir, lagesbild-<year>-v<week>-v<week>.<format>)')
    .option('--output-dir <dir>', "the folder for reports named by the config's pattern (default: the config's output.dir, else here)")
    .addOption(new Option('--format <format>', 'output format (default: from the output file name, else pdf)').choices(FORMATS))
    .option('--chromium <path>', 'the Chromium or Chrome to print with (default: found automatically)')
    .option('--notes <file>', "the coordinator's assessment and planned actions, in Markdown")
    .option('--template <dir>', "a template folder whose files replace the default's (default: templates/default)")
    .addOption(new Option('--language <language>', "the report's language (default: the config's, sv)").choices(['sv', 'en']))
    .option('--force', 'replace the output file if it exists (without it, a re-run for a window already made does nothing)')
    .option('--strict', 'write no report if any row is rejected (exit code 1)')
    .action(async (options, command: Command) => (await import('./generate.js')).generate({ ...options, quiet: command.optsWithGlobals().quiet }, log()));

  withInputs(program.command('validate').description('read the exports as generate would and report what was found and what to fix; writes no report'))
    .addOption(new Option('--format <format>', 'text for people, json for scripts').choices(['text', 'json']).default('text'))
    .action(async (options) => (await import('./validate.js')).validate(options, log()));

  program
    .command('init')
    .description('make a working set-up to start from: config, template, sample exports, a regression test, a crontab line and CI jobs')
    .argument('[dir]', 'where (default: here)')
    .option('--municipality <name>', 'the municipality the set-up is for', 'Exempelkommun')
    .option('--package <spec>', 'how the CI job installs lagesbild: an npm package spec (name@version, git URL or tarball)')
    .option('--now <date-time>', 'take this as the current time: the sample exports cover the two fortnights before it')
    .option('--force', 'replace files that init writes if they exist')
    .action(async (dir: string | undefined, options) => (await import('./init.js')).init(dir, options, log()));

  program
    .command('test')
    .description("template regression tests: render each case in DIR and compare with its expected outputs (exit 1 on any difference)")
    .argument('[dir]', 'a test case, or a folder of them (default: tests/ if there is one, else here)')
    .option('--update', 'write the outputs of now as the expected ones')
    .addOption(new Option('--reporter <reporter>', 'the result on stdout: TAP or JUnit XML').choices(['tap', 'junit']).default('tap'))
    .option('--chromium <path>', 'the Chromium or Chrome to print with (default: found automatically)')
    .action(async (dir: string | undefined, options) => (await import('./test.js')).runTests(dir, options, log()));

  return program;
}

/** What every command that reads exports takes: the files, the window, the config, the encoding. */
function withInputs(command: Command): Command {
  return command
    .option('-i, --incidents <files...>', 'incident exports (CSV) (default: the config\'s inputs.incidents)')
    .option('-p, --patrols <files...>', 'guard-patrol logs (CSV)')
    .option('-a, --activities <files...>', 'activity logs for the medborgarlöften (CSV: date, activity, area, party)')
    .option('-f, --from <date>', 'first day of the window, YYYY-MM-DD (default: the last complete window before today)')
    .option('-t, --to <date>', 'last day of the window, YYYY-MM-DD (with --from: sets its length)')
    .option('-d, --days <n>', "length of the window in days (default: the config's, 14)")
    .option('--now <date-time>', 'take this as the current time: it chooses the default window and dates the PDF (default: SOURCE_DATE_EPOCH, else the clock)')
    .option('-c, --config <file>', 'config file (default: $LAGESBILD_CONFIG, else the nearest lagesbild.config.json/.yaml/.yml here or in a folder above)')
    .option('--encoding <name>', 'character encoding of every input, e.g. windows-1252 (default: detected per file)')
    .option('--no-redact', 'show personal data (personnummer, phone numbers, e-mail, plates, configured names) as it is in the exports; said in the report');
}
