/**
 * The form of an inline component (a badge in a sentence). Decap draws a form for block
 * components only; for inline ones it calls the component's `onInsert` and `onEdit`, which
 * return the values. This asks for them in a native modal `<dialog>`: labelled fields, the
 * hints under them, the browser's own checks of required fields, Escape to cancel.
 */
import type { ComponentField } from './editor-components.ts';

type Data = Record<string, unknown>;

const STYLE = `
  .kpa-inline-form { border: 1px solid #c7cad0; border-radius: 6px; padding: 20px 24px; max-width: 28rem;
    font: 15px/1.45 system-ui, sans-serif; color: #1e2532; }
  .kpa-inline-form::backdrop { background: rgb(30 37 50 / 45%); }
  .kpa-inline-form h2 { margin: 0 0 12px; font-size: 18px; }
  .kpa-inline-form label { display: block; margin-top: 12px; font-weight: 600; }
  .kpa-inline-form input, .kpa-inline-form select { display: block; width: 100%; box-sizing: border-box;
    margin-top: 4px; padding: 6px 8px; font: inherit; border: 1px solid #8a8f98; border-radius: 4px; }
  .kpa-inline-form p.hint { margin: 4px 0 0; font-size: 13px; color: #4a4f58; }
  .kpa-inline-form .actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 20px; }
  .kpa-inline-form button { padding: 6px 14px; font: inherit; border-radius: 4px; border: 1px solid #3a69c7;
    background: #fff; color: #3a69c7; cursor: pointer; }
  .kpa-inline-form button[value="ok"] { background: #3a69c7; color: #fff; }
`;

let counter = 0;

function control(field: ComponentField, value: unknown, id: string): HTMLInputElement | HTMLSelectElement {
  const current = typeof value === 'string' ? value : '';
  if (field.widget === 'select') {
    const select = document.createElement('select');
    const choices = [...(field.required === false ? [{ value: '', label: '—' }] : []), ...(field.options ?? [])];
    for (const choice of choices) select.add(new Option(choice.label, choice.value, false, choice.value === current));
    select.id = id;
    return select;
  }
  const input = document.createElement('input');
  input.type = 'text';
  input.value = current;
  input.required = field.required !== false;
  input.id = id;
  return input;
}

/**
 * Shows `fields` filled with `values` in a modal dialog titled `title`. Resolves with the
 * values entered (the other keys of `values` kept), or `null` when the person cancels.
 */
export function askInDialog(
  title: string,
  fields: readonly ComponentField[],
  values: Data,
  action: string,
): Promise<Data | null> {
  counter += 1;
  const prefix = `kpa-inline-form-${counter}`;
  const dialog = document.createElement('dialog');
  dialog.className = 'kpa-inline-form';
  dialog.setAttribute('aria-labelledby', `${prefix}-title`);
  const style = document.createElement('style');
  style.textContent = STYLE;
  const form = document.createElement('form');
  form.method = 'dialog';
  const heading = document.createElement('h2');
  heading.id = `${prefix}-title`;
  heading.textContent = title;
  form.append(heading);
  const controls = fields.map((field) => {
    const id = `${prefix}-${field.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = field.label;
    const input = control(field, values[field.name], id);
    form.append(label, input);
    if (field.hint) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.id = `${id}-hint`;
      hint.textContent = field.hint;
      input.setAttribute('aria-describedby', hint.id);
      form.append(hint);
    }
    return { field, input };
  });
  const actions = document.createElement('div');
  actions.className = 'actions';
  const cancel = document.createElement('button');
  cancel.type = 'submit';
  cancel.value = 'cancel';
  cancel.formNoValidate = true;
  cancel.textContent = 'Annuler';
  const ok = document.createElement('button');
  ok.type = 'submit';
  ok.value = 'ok';
  ok.textContent = action;
  actions.append(cancel, ok);
  form.append(actions);
  dialog.append(style, form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        const entered = Object.fromEntries(controls.map(({ field, input }) => [field.name, input.value.trim()]));
        dialog.remove();
        resolve(dialog.returnValue === 'ok' ? { ...values, ...entered } : null);
      },
      { once: true },
    );
    dialog.showModal();
  });
}
