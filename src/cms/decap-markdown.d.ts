/**
 * Types for the part of Decap's Markdown widget we call directly: its serializers, the very
 * functions the widget uses to go from the stored Markdown to its rich-text editor and back.
 * The package ships no types; these describe the shapes of its remark 6 and Slate trees that
 * `src/cms/rich-text.ts` and `src/cms/editor-components.ts` read.
 */
declare module 'decap-cms-widget-markdown/dist/esm/serializers/index.js' {
  interface Point {
    line: number;
    column: number;
    offset: number;
  }

  /** A node of remark 6's tree, as `markdownToRemark` returns it (with positions). */
  export interface RemarkNode {
    type: string;
    children?: RemarkNode[];
    value?: string;
    ordered?: boolean;
    start?: number | null;
    loose?: boolean;
    spread?: boolean;
    depth?: number;
    position?: { start: Point; end: Point };
    data?: { shortcode?: string; shortcodeData?: unknown } & Record<string, unknown>;
  }

  /** A node of the Slate value the rich-text editor edits. */
  export interface SlateNode {
    type?: string;
    text?: string;
    children?: SlateNode[];
    data?: Record<string, unknown>;
    [mark: string]: unknown;
  }

  export interface SerializerOptions {
    /** True when a `code-block` editor component is registered (Decap's app registers one). */
    voidCodeBlock?: boolean;
    /** The plugins registered with `CMS.registerRemarkPlugin`. */
    remarkPlugins?: readonly unknown[];
  }

  export function markdownToRemark(markdown: string, remarkPlugins?: readonly unknown[]): RemarkNode;
  export function markdownToSlate(markdown: string, options?: SerializerOptions): SlateNode[];
  export function slateToMarkdown(value: readonly SlateNode[], options?: SerializerOptions): string;
  export function markdownToHtml(
    markdown: string,
    options?: {
      getAsset?: (path: string, field?: unknown) => unknown;
      resolveWidget?: (name: string) => unknown;
      remarkPlugins?: readonly unknown[];
    },
  ): string;
}
