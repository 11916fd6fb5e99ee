/**
 * `npm run conformance -- [--area a,b,...] [--json] DIR`: runs Envoy-derived vectors through the
 * library; exit status 0 exactly when nothing failed.
 */
import { formatConformanceReport, runConformanceDirectory } from './conformance/run-directory.js';

const USAGE = 'usage: conformance [--area a,b,...] [--json] DIR';

function main(argv: readonly string[]): number {
  let areas: string[] | undefined;
  let json = false;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--area') areas = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--area=')) areas = arg.slice(7).split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else dir = arg;
  }
  if (!dir) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let report;
  try {
    report = runConformanceDirectory(dir, areas);
  } catch (error) {
    process.stderr.write(
      `conformance: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  process.stdout.write(
    json ? `${JSON.stringify(report)}\n` : `${formatConformanceReport(report)}\n`,
  );
  return report.failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
