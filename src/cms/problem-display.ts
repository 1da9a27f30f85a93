/**
 * Shows the problems of an entry at the top of the form and next to each field. Decap
 * renders the form with React and gives no place for this: the banner and the notes are
 * elements of our own, put back by a `MutationObserver` whenever React re-renders the form
 * under them. They are found by what Decap renders for accessibility: each field is an
 * element `aria-label="… field"` whose `<label for="<name>-field-<n>">` names it.
 */
import type { EntryProblem } from './check-entry.ts';
import { FIELD_CONTAINER } from './locale-fr.ts';
import styles from './problem-display.css?raw';

/** The page's styles for the banner and notes (a constructed sheet: no inline style to allow). */
function adoptStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export interface ProblemReport {
  problems: readonly EntryProblem[];
  /** Messages of Decap's own field validation, shown with ours. */
  fieldErrors: readonly string[];
  /**
   * `stopped`: errors, nothing was written; `ready`: warnings only, a save would go through;
   * `saved`: written, with warnings to review.
   */
  state: 'stopped' | 'ready' | 'saved';
  /** Said when some checks could not run (the site map could not be loaded). */
  notice?: string;
  /** The file that was checked, as the proposal will show it. */
  file?: string;
}

const BANNER_ID = 'kpa-checks';
const MARKER = 'data-kpa-check';

/** Field containers directly under `parent` (or anywhere under it with `deep`). */
function fieldContainers(parent: ParentNode, deep = false): HTMLElement[] {
  const all = [...parent.querySelectorAll<HTMLElement>(FIELD_CONTAINER)];
  return deep ? all : all.filter((el) => el.parentElement === parent);
}

function labelOf(container: HTMLElement): HTMLLabelElement | null {
  return container.querySelector('label[for]');
}

function isNamed(container: HTMLElement, name: string): boolean {
  return labelOf(container)?.htmlFor.startsWith(`${name}-field-`) ?? false;
}

/** The list of the form's fields: the parent of the first field. */
function formPane(): HTMLElement | undefined {
  const first = document.querySelector<HTMLElement>(FIELD_CONTAINER);
  return first?.parentElement ?? undefined;
}

/** The container of the field at `path`, or of its nearest ancestor that the form shows. */
function fieldContainer(pane: HTMLElement, path: readonly (string | number)[]): HTMLElement | undefined {
  const [top, ...rest] = path;
  if (typeof top !== 'string') return undefined;
  let container = fieldContainers(pane).find((el) => isNamed(el, top));
  if (!container) return undefined;
  for (const key of rest) {
    if (typeof key !== 'string') continue;
    const inner: HTMLElement | undefined = fieldContainers(container, true).find((el) => isNamed(el, key));
    if (!inner) break;
    container = inner;
  }
  return container;
}

function focusField(path: readonly (string | number)[]): void {
  const pane = formPane();
  const container = pane && fieldContainer(pane, path);
  if (!container) return;
  container.scrollIntoView({ block: 'center' });
  const label = labelOf(container);
  const control =
    (label && document.getElementById(label.htmlFor)) ??
    container.querySelector<HTMLElement>('[contenteditable="true"]');
  control?.focus({ preventScroll: true });
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count > 1 ? 's' : ''}`;
}

function problemLine(problem: EntryProblem): HTMLLIElement {
  const where = problem.field
    ? element('button', { type: 'button', class: 'kpa-checks-where' }, problem.where)
    : element('strong', { class: 'kpa-checks-where' }, problem.where);
  if (problem.field) {
    const path = problem.field;
    where.addEventListener('click', () => {
      focusField(path);
    });
  }
  const excerpt = problem.excerpt ? element('q', { class: 'kpa-checks-excerpt' }, problem.excerpt) : '';
  return element(
    'li',
    { class: `kpa-checks-${problem.severity}`, 'data-rule': problem.rule },
    where,
    excerpt ? ' ' : '',
    excerpt,
    ' : ',
    problem.message,
  );
}

function banner(report: ProblemReport): HTMLElement {
  const errors = report.problems.filter((p) => p.severity === 'error').length + report.fieldErrors.length;
  const warnings = report.problems.length - report.problems.filter((p) => p.severity === 'error').length;
  const stopped = report.state === 'stopped';
  const title = stopped
    ? `Rien n’a été enregistré : ${plural(errors, 'point')} à corriger`
    : `${report.state === 'saved' ? 'Enregistré' : 'Prêt à enregistrer'}, avec ${plural(warnings, 'point')} à revoir`;
  const intro = stopped
    ? 'Le site refuserait cette version. Corrigez chaque point ci-dessous (il est aussi signalé sous son champ), puis enregistrez de nouveau.'
    : 'Le site accepte cette version, mais ces points méritent d’être corrigés.';
  const list = element('ul', {});
  for (const message of report.fieldErrors) list.append(element('li', { class: 'kpa-checks-error' }, message));
  for (const problem of report.problems) list.append(problemLine(problem));
  const section = element(
    'section',
    {
      id: BANNER_ID,
      class: stopped ? 'kpa-checks kpa-checks-stopped' : 'kpa-checks',
      role: stopped ? 'alert' : 'status',
      'aria-labelledby': `${BANNER_ID}-title`,
      tabindex: '-1',
    },
    element('h2', { id: `${BANNER_ID}-title` }, title),
    element('p', {}, intro),
    list,
  );
  if (report.file) {
    section.append(
      element('p', { class: 'kpa-checks-file' }, 'Fichier : ', element('code', { 'data-file': '' }, report.file)),
    );
  }
  if (report.notice) section.append(element('p', { class: 'kpa-checks-notice' }, report.notice));
  return section;
}

function marker(problems: readonly EntryProblem[]): HTMLElement {
  const list = element('ul', { class: 'kpa-check-marker', [MARKER]: '' });
  for (const problem of problems) {
    const line = problem.bodyLine === undefined ? '' : `Ligne ${String(problem.bodyLine)}`;
    const excerpt = problem.excerpt ? element('q', {}, problem.excerpt) : '';
    list.append(
      element(
        'li',
        { class: `kpa-checks-${problem.severity}`, 'data-rule': problem.rule },
        line,
        line && excerpt ? ' ' : '',
        excerpt,
        line ? ' : ' : '',
        problem.message,
      ),
    );
  }
  return list;
}

/** The banner and field notes of the entry being edited. */
export class ProblemDisplay {
  #report: ProblemReport | undefined;
  #observer: MutationObserver | undefined;
  #scheduled = false;
  /** What `#render` put in the page, to notice when React takes it away. */
  #shown: HTMLElement[] = [];

  constructor() {
    adoptStyles();
  }

  /** Shows `report`; with `focus` (a save was just asked for), the banner comes into view. */
  show(report: ProblemReport, { focus }: { focus: boolean }): void {
    this.#report = report;
    this.#observe();
    this.#render();
    if (focus) {
      const shown = document.getElementById(BANNER_ID);
      shown?.scrollIntoView({ block: 'start' });
      shown?.focus({ preventScroll: true });
    }
  }

  get shown(): boolean {
    return this.#report !== undefined;
  }

  clear(): void {
    this.#report = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#remove();
  }

  #remove(): void {
    for (const el of this.#shown) el.remove();
    this.#shown = [];
    document.getElementById(BANNER_ID)?.remove();
    for (const el of document.querySelectorAll(`[${MARKER}]`)) el.remove();
  }

  #observe(): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver(() => {
      if (this.#scheduled) return;
      this.#scheduled = true;
      requestAnimationFrame(() => {
        this.#scheduled = false;
        this.#ensure();
      });
    });
    this.#observer.observe(document.body, { childList: true, subtree: true });
  }

  /** Puts everything back when React took some of it away (a field re-rendered, another entry…). */
  #ensure(): void {
    if (!this.#report || !formPane()) return;
    if (this.#shown.length === 0 || this.#shown.some((el) => !el.isConnected)) this.#render();
  }

  #render(): void {
    this.#observer?.disconnect();
    this.#remove();
    const report = this.#report;
    const pane = formPane();
    if (report && pane) {
      const top = banner(report);
      pane.prepend(top);
      this.#shown.push(top);
      const byField = new Map<HTMLElement, EntryProblem[]>();
      for (const problem of report.problems) {
        const container = problem.field && fieldContainer(pane, problem.field);
        if (!container) continue;
        byField.set(container, [...(byField.get(container) ?? []), problem]);
      }
      for (const [container, problems] of byField) {
        const note = marker(problems);
        const topbar = labelOf(container)?.parentElement;
        if (topbar?.parentElement === container) topbar.after(note);
        else container.prepend(note);
        this.#shown.push(note);
      }
    }
    this.#observer?.observe(document.body, { childList: true, subtree: true });
  }
}
