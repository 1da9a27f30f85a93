/**
 * Decap's editor-component registry in Node, set up as `/admin/` sets it up: what
 * decap-cms-app registers by default (its image component and its code block), then the
 * guide's components and Markdown style (`registerEditorComponents`, as `src/cms/admin.ts`
 * does). Decap's serializers read the components through the Markdown widget's control
 * module, which needs a browser: a test replaces that module with the stand-in of
 * `decap-markdown-control.ts`, which reads the same registry:
 *
 *     vi.mock('decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js', () =>
 *       import('../helpers/decap-markdown-control.ts'),
 *     );
 */
import registry from 'decap-cms-core/dist/esm/lib/registry.js';
import image from 'decap-cms-editor-component-image/dist/esm/index.js';
import { registerEditorComponents, type SerializerSetup } from '../../src/cms/rich-text.ts';

let registered = false;

/** The registry with Decap's defaults and the guide's components, and the setup the editor gives the serializers. */
export function decapRegistry(): SerializerSetup {
  if (!registered) {
    registered = true;
    // As decap-cms-app's extensions.js does.
    registry.registerEditorComponent(image);
    registry.registerEditorComponent({ id: 'code-block', label: 'Code Block', widget: 'code', type: 'code-block' });
    registerEditorComponents(registry);
  }
  const components = registry.getEditorComponents();
  return {
    remarkPlugins: registry.getRemarkPlugins(),
    voidCodeBlock: components.some((component) => component.type === 'code-block'),
  };
}
