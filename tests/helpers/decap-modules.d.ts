/** Types for the parts of Decap's packages that the tests import directly (they ship none). */
declare module 'decap-cms-core/dist/esm/lib/registry.js' {
  import type { Map } from 'immutable';

  interface Registry {
    registerEditorComponent: (component: object) => void;
    getEditorComponents: () => Map<string, { id: string; type?: string; label: string }>;
    registerRemarkPlugin: (plugin: unknown) => void;
    getRemarkPlugins: () => unknown[];
  }
  const registry: Registry;
  export default registry;
}

declare module 'decap-cms-editor-component-image/dist/esm/index.js' {
  const image: { id: string; label: string; pattern: RegExp };
  export default image;
}

declare module 'decap-cms-widget-markdown/dist/esm/schema.js' {
  /** The JSON schema of the Markdown widget's options in Decap's configuration. */
  const schema: unknown;
  export default schema;
}

declare module 'decap-cms-locales/dist/esm/en/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}

declare module 'decap-cms-locales/dist/esm/fr/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}

declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/blocks/withBlocks.js' {
  import type { Editor } from 'slate';
  /** A plugin of the widget's Slate editor. */
  export default function plugin<T extends Editor>(editor: T): T;
}

declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/html/withHtml.js' {
  import type { Editor } from 'slate';
  /** A plugin of the widget's Slate editor. */
  export default function plugin<T extends Editor>(editor: T): T;
}

declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/inlines/withInlines.js' {
  import type { Editor } from 'slate';
  /** A plugin of the widget's Slate editor. */
  export default function plugin<T extends Editor>(editor: T): T;
}

declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/lists/withLists.js' {
  import type { Editor } from 'slate';
  /** A plugin of the widget's Slate editor. */
  export default function plugin<T extends Editor>(editor: T): T;
}

declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/plugins/shortcodes/withShortcodes.js' {
  import type { Editor } from 'slate';
  /** A plugin of the widget's Slate editor. */
  export default function plugin<T extends Editor>(editor: T): T;
}
