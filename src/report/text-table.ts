/**
 * Plain text tables for terminals and notebooks: columns separated by two spaces, no borders,
 * numbers right-aligned (cli-table3 with every border character blank).
 */
import Table from 'cli-table3';

const BLANK = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/** A table with a header row; columns listed in `right` are right-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  right: readonly number[] = [],
): string {
  const table = new Table({
    head: [...header],
    chars: BLANK,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: header.map((_, i) => (right.includes(i) ? 'right' : 'left')),
  });
  for (const row of rows) table.push(row.map(String));
  return table.toString();
}

/** A share of requests as a percentage with two decimals. */
export function percent(share: number): string {
  return `${(100 * share).toFixed(2)} %`;
}
