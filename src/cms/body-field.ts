/**
 * The options of the body fields (Decap's `markdown` widget, replaced in `/admin/` by the
 * one of `src/cms/rich-text-widget.ts`): rich text where a page allows it, a toolbar limited
 * to what the guide uses (no first-level title: the page title is one), and a component
 * menu with the guide's components (`src/cms/editor-components.ts`) and Decap's image.
 */
import type { CmsFieldConfig } from './schema-fields.ts';

export const BODY_EDITOR = {
  modes: ['rich_text', 'raw'],
  buttons: [
    'bold',
    'italic',
    'strikethrough',
    'code',
    'link',
    'heading-two',
    'heading-three',
    'heading-four',
    'quote',
    'bulleted-list',
    'numbered-list',
  ],
  editor_components: [
    'Aside',
    'Steps',
    'Card',
    'LinkCard',
    'CardGrid',
    'Timeline',
    'Diagram',
    'Badge',
    'KpaList',
    'Glossary',
    'TakeAway',
    'image',
  ],
} satisfies Pick<CmsFieldConfig, 'modes' | 'buttons' | 'editor_components'>;
