/**
 * The widgets of `WIDGETS` (`src/cms/schema-fields.ts`): Decap's own controls, each with a
 * line of live help under it, and an optional group of fields checked only once filled in.
 *
 * - `kpa-string`, `kpa-text`: a character count against the schema's limits (the summary,
 *   the alternative text…), and under a page's title, the address the page gets.
 * - `kpa-select`: the chosen option spelled out in full (a difficulty level's description),
 *   which the list itself cuts to one line.
 * - `kpa-optional-object`: an optional group (a toolkit's illustration): left empty, it is
 *   not checked at all; once any of its fields is filled in, each required one is.
 *
 * Decap drives a control through a few methods of the instance it holds (`isValid`,
 * `validate`, `focus`, `getValidateValue`): the wrappers pass them on to the control inside.
 * Written with `createElement`, like the preview, so the project needs no JSX setup.
 */
import { Component, createElement as h, Fragment, type ComponentType, type ReactNode } from 'react';
import type { CMS, CmsWidgetControlProps } from 'decap-cms-core';
import { getProcessSegment } from 'decap-cms-core/dist/esm/lib/formatters.js';
import {
  addressText,
  choiceText,
  countText,
  isEmptyGroup,
  textOf,
  type ControlProps,
  type Slugify,
} from './field-notes.ts';
import { WIDGETS } from './schema-fields.ts';
import { freshUploadUrl } from './media-upload.ts';

/** What Decap may call on the control it holds. */
interface ControlInstance {
  isValid?: () => unknown;
  validate?: () => void;
  focus?: (path?: string) => void;
  getValidateValue?: () => unknown;
  shouldComponentUpdate?: (next: ControlProps) => boolean;
  childRefs?: Record<string, { props: { uniqueFieldId: string } } | undefined>;
}

type Control = ComponentType<Record<string, unknown>>;

/**
 * One of Decap's controls inside ours. Decap's `Widget` drives the control it holds through
 * its methods: when to render again (the image control waits for the picture chosen in the
 * media library), whether it is valid, where the focus goes. They all reach the control
 * inside, with the props it is given (`innerProps`).
 */
abstract class WrappedControl extends Component<ControlProps> {
  inner: ControlInstance | null = null;

  protected readonly keepInner = (instance: ControlInstance | null): void => {
    this.inner = instance;
  };

  /** The props the control inside receives. */
  protected innerProps(props: ControlProps): ControlProps {
    return props;
  }

  override shouldComponentUpdate(next: ControlProps): boolean {
    const inner = this.inner;
    if (inner?.shouldComponentUpdate) return inner.shouldComponentUpdate(this.innerProps(next));
    // What Decap's `Widget` compares for a control without an opinion.
    return (
      this.props.value !== next.value ||
      this.props['classNameWrapper'] !== next['classNameWrapper'] ||
      this.props['hasActiveStyle'] !== next['hasActiveStyle']
    );
  }

  isValid = (): unknown => this.inner?.isValid?.() ?? true;

  getValidateValue = (): unknown => this.inner?.getValidateValue?.();

  focus = (path?: string): void => {
    if (this.inner?.focus) this.inner.focus(path);
    else document.getElementById(this.props.forID)?.focus();
  };

  protected renderInner(Base: Control): ReactNode {
    return h(Base, { ...this.innerProps(this.props), ref: this.keepInner });
  }
}

/** Decap's own naming of new files, from the same module Decap uses. */
const slugify: Slugify = (title, settings) => getProcessSegment(settings)(title);

/** Style of the line under a control: Decap's hint colours, red when something is wrong. */
function noteStyle(warning: boolean): Record<string, string> {
  return {
    display: 'block',
    marginTop: '6px',
    fontSize: '13px',
    lineHeight: '1.4',
    color: warning ? '#d60032' : '#6b7280',
    fontWeight: warning ? '600' : '400',
  };
}

function note(id: string, text: string, warning = false): ReactNode {
  // Only a problem is announced to screen readers, not every keystroke's count.
  return h('span', { key: id, id, style: noteStyle(warning), ...(warning && { role: 'alert' }) }, text);
}

/** Decap's control `Base`, with the lines `notes` computes under it. */
function withNotes(Base: Control, notes: (props: ControlProps) => ReactNode[]) {
  return class ControlWithNotes extends WrappedControl {
    override render(): ReactNode {
      return h(Fragment, null, this.renderInner(Base), ...notes(this.props));
    }
  };
}

function textNotes(props: ControlProps): ReactNode[] {
  const out: ReactNode[] = [];
  const min = props.field.get('min_length');
  const max = props.field.get('max_length');
  if (typeof min === 'number' || typeof max === 'number') {
    const count = countText(
      textOf(props.value),
      typeof min === 'number' ? min : undefined,
      typeof max === 'number' ? max : undefined,
    );
    out.push(note(`count-${props.forID}`, count.text, count.warning));
  }
  const address = addressText(props, slugify);
  if (address !== undefined) out.push(note(`address-${props.forID}`, address));
  return out;
}

function selectNotes(props: ControlProps): ReactNode[] {
  const choice = choiceText(props);
  return choice === undefined ? [] : [note(`choice-${props.forID}`, choice)];
}

/** Decap's object control, checked only once something is filled in. */
function optionalObject(Base: Control) {
  return class OptionalObjectControl extends WrappedControl {
    validate = (): void => {
      if (!isEmptyGroup(this.props.value)) {
        this.inner?.validate?.();
        return;
      }
      // Left empty on purpose: errors from an earlier attempt must not block the save.
      for (const child of Object.values(this.inner?.childRefs ?? {})) {
        if (child) this.props.clearFieldErrors?.(child.props.uniqueFieldId);
      }
    };

    override render(): ReactNode {
      return this.renderInner(Base);
    }
  };
}

type GetAsset = (path: string, field?: unknown) => unknown;

/**
 * Decap's image control, shown a picture sent in this session from the browser's memory:
 * Decap would ask the site for `/media/x.jpg`, which exists only once saved.
 */
function withSentPictures(Base: Control) {
  // One stable function per Decap `getAsset`: the control reloads its picture when it changes.
  const wrapped = new WeakMap<GetAsset, GetAsset>();
  const withFresh = (getAsset: GetAsset): GetAsset => {
    let out = wrapped.get(getAsset);
    if (!out) {
      out = (path, field) => freshUploadUrl(path) ?? getAsset(path, field);
      wrapped.set(getAsset, out);
    }
    return out;
  };
  return class ImageControl extends WrappedControl {
    protected override innerProps(props: ControlProps): ControlProps {
      const getAsset = props['getAsset'];
      return typeof getAsset === 'function' ? { ...props, getAsset: withFresh(getAsset as GetAsset) } : props;
    }

    override render(): ReactNode {
      return this.renderInner(Base);
    }
  };
}

/** Registers `WIDGETS` on Decap's own controls. */
export function registerFieldWidgets(cms: CMS): void {
  const base = (name: string) => {
    const widget = cms.getWidget(name);
    if (!widget) throw new Error(`Widget Decap « ${name} » absent.`);
    // Decap's types describe a control by a handful of its props; it is a component.
    return { control: widget.control as unknown as Control, preview: widget.preview };
  };
  const register = (name: string, control: ComponentType<ControlProps>, preview: unknown) => {
    // Same: Decap's types know only five of the props it passes.
    cms.registerWidget(name, control as unknown as ComponentType<CmsWidgetControlProps>, preview as never);
  };
  const string = base('string');
  const text = base('text');
  const select = base('select');
  const object = base('object');
  const image = base('image');
  register(WIDGETS.string, withNotes(string.control, textNotes), string.preview);
  register(WIDGETS.text, withNotes(text.control, textNotes), text.preview);
  register(WIDGETS.select, withNotes(select.control, selectNotes), select.preview);
  register(WIDGETS.optionalObject, optionalObject(object.control), object.preview);
  register(WIDGETS.image, withSentPictures(image.control), image.preview);
}
