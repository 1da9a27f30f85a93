/**
 * The Markdown widget of `/admin/`, decided text by text: Decap's own widget, in rich-text
 * mode when the text as opened comes back unchanged from the rich-text editor, and in raw
 * mode otherwise, with a French notice that says why (`src/cms/rich-text.ts`). Registered
 * under Decap's name `markdown`, so every Markdown field gets the rule, whatever collection
 * it belongs to. Inside an editor component Decap always uses raw mode: passed through.
 */
import { Component, createElement as h, type ComponentType, type ReactNode } from 'react';
import { List } from 'immutable';
import type { CMS as DecapCms } from 'decap-cms-core';
import { rawModeNotice, richTextVerdict, type RichTextVerdict } from './rich-text.ts';

/** The props Decap gives a widget's control that this wrapper reads; the others pass through. */
interface MarkdownProps {
  value?: unknown;
  field: { get: (key: string) => unknown; set: (key: string, value: unknown) => MarkdownProps['field'] };
  isEditorComponent?: boolean;
  getEditorComponents: () => { some: (test: (component: { type?: string }) => boolean) => boolean };
  getRemarkPlugins?: () => unknown[];
  onChange: (value: unknown, ...rest: unknown[]) => void;
  [prop: string]: unknown;
}

/** Decap's `MarkdownControl` class, as the wrapper uses it. */
type MarkdownControlClass = ComponentType<MarkdownProps> & (new (props: MarkdownProps) => unknown);

interface State {
  verdict: RichTextVerdict | undefined;
  /** Changes when the verdict is made again, so that Decap's control starts over in the right mode. */
  generation: number;
}

const NOTICE_STYLE = {
  margin: '0 0 12px',
  padding: '10px 14px',
  borderInlineStart: '4px solid #b45309',
  background: '#fff7ed',
  color: '#3b2a14',
  fontSize: '14px',
  lineHeight: 1.5,
};

export function richTextMarkdownControl(MarkdownControl: MarkdownControlClass): ComponentType<MarkdownProps> {
  function decide(props: MarkdownProps): RichTextVerdict | undefined {
    if (props.isEditorComponent) return undefined;
    // Decap's serializers read the registered components through a variable of the widget's
    // module that a MarkdownControl sets when it is constructed. Constructing one here (it is
    // never mounted) makes the verdict see exactly the components the editor will use.
    new MarkdownControl(props);
    const components = props.getEditorComponents();
    return richTextVerdict(typeof props.value === 'string' ? props.value : '', {
      remarkPlugins: props.getRemarkPlugins?.() ?? [],
      voidCodeBlock: components.some((component) => component.type === 'code-block'),
    });
  }

  return class RichTextMarkdownControl extends Component<MarkdownProps, State> {
    private inner: { focus?: () => void } | null = null;
    /** The last text Decap's control gave: any other new value comes from elsewhere. */
    private written: unknown;

    constructor(props: MarkdownProps) {
      super(props);
      this.state = { verdict: decide(props), generation: 0 };
    }

    /**
     * A text that does not come from the editor (another entry loaded into the same form,
     * changes reverted) is decided again, and Decap's control shows it from scratch.
     */
    override componentDidUpdate(previous: MarkdownProps): void {
      if (this.props.value !== previous.value && this.props.value !== this.written) {
        this.setState((state) => ({ verdict: decide(this.props), generation: state.generation + 1 }));
      }
    }

    /** Decap focuses a field through its control (clicking its label). */
    focus(): void {
      this.inner?.focus?.();
    }

    private readonly handleChange = (value: unknown, ...rest: unknown[]): void => {
      this.written = value;
      this.props.onChange(value, ...rest);
    };

    override render(): ReactNode {
      const { verdict, generation } = this.state;
      const raw = verdict?.richText === false;
      const field = raw ? this.props.field.set('modes', List(['raw'])) : this.props.field;
      return h(
        'div',
        { className: 'kpa-markdown' },
        raw && h('p', { role: 'note', className: 'kpa-markdown-notice', style: NOTICE_STYLE }, rawModeNotice(verdict)),
        h(MarkdownControl, {
          ...this.props,
          field,
          onChange: this.handleChange,
          key: generation,
          ref: (control: unknown) => {
            this.inner = control as { focus?: () => void } | null;
          },
        }),
      );
    }
  };
}

/**
 * Replaces Decap's `markdown` widget by the wrapper above (its French phrases are in
 * `src/cms/locale-fr.ts`).
 */
export function registerRichTextWidget(cms: DecapCms): void {
  // The registry keeps the widget's configuration schema too; Decap's types leave it out.
  const markdown = cms.getWidget('markdown') as { control: unknown; preview: unknown; schema: unknown } | undefined;
  if (!markdown) throw new Error('Le widget Markdown de Decap est introuvable.');
  const control = richTextMarkdownControl(markdown.control as MarkdownControlClass);
  // The string form replaces the registered widget without a warning in the console, and
  // keeps Decap's schema of the widget's options (modes, buttons, editor_components).
  const register = cms.registerWidget as (name: string, control: unknown, preview: unknown, schema: unknown) => void;
  register('markdown', control, markdown.preview, markdown.schema);
}
