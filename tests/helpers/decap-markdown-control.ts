/**
 * Stands in for the control module of Decap's Markdown widget in Node tests (the real one
 * loads Decap's user interface, which needs a browser). Decap's serializers only import its
 * `getEditorComponents`: here it reads Decap's registry, as the real one does through the
 * props Decap gives the widget. Kept apart from `decap-registry.ts` so that a test can mock
 * with it before anything else loads.
 */
import registry from 'decap-cms-core/dist/esm/lib/registry.js';

export const getEditorComponents = () => registry.getEditorComponents();

/** The nested form renderer of the components: the serializers never call it. */
export const getEditorControl = (): undefined => undefined;
