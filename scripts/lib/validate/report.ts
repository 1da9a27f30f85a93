/**
 * The one reporter of `npm run validate` (and of `npm run index` when a toolkit is invalid):
 * one line per issue, `chemin:ligne:colonne  sévérité  règle  message`, then a count;
 * GitHub annotations for CI; or JSON for other tools.
 */
import type { Issue } from './issues.ts';

export const FORMATS = ['text', 'github', 'json'] as const;
export type Format = (typeof FORMATS)[number];

/** Version of the JSON output: bumped when a field changes meaning. */
export const JSON_REPORT_VERSION = 1;

const LABELS = { error: 'erreur', warning: 'avertissement' } as const;

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count > 1 ? 's' : ''}`;
}

export function summaryLine(issues: readonly Issue[], checked: number): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const files = new Set(issues.map((i) => i.file)).size;
  const scope = `${plural(checked, 'fichier')} vérifié${checked > 1 ? 's' : ''}`;
  if (issues.length === 0) return `✔ ${scope} : aucun problème.`;
  const counts = [errors > 0 ? plural(errors, 'erreur') : '', warnings > 0 ? plural(warnings, 'avertissement') : '']
    .filter(Boolean)
    .join(' et ');
  return `${errors > 0 ? '✖' : '⚠'} ${counts} dans ${plural(files, 'fichier')} (${scope}).`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The report as text; `issues` carry the paths to print. */
export function formatReport(issues: readonly Issue[], checked: number, format: Format): string {
  if (format === 'json') {
    const errors = issues.filter((i) => i.severity === 'error').length;
    const report = {
      version: JSON_REPORT_VERSION,
      checked,
      errors,
      warnings: issues.length - errors,
      issues: issues.map(({ file, line, column, severity, rule, message }) => ({
        file,
        line,
        column,
        severity,
        rule,
        message,
      })),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  const lines = issues.map((i) =>
    format === 'github'
      ? `::${i.severity} file=${escapeProperty(i.file)},line=${String(i.line)},col=${String(i.column)},title=${escapeProperty(i.rule)}::${escapeData(i.message)}`
      : `${i.file}:${String(i.line)}:${String(i.column)}  ${LABELS[i.severity]}  ${i.rule}  ${i.message}`,
  );
  lines.push(summaryLine(issues, checked));
  return `${lines.join('\n')}\n`;
}
