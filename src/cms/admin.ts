/**
 * The browser side of `/admin/`: Decap CMS, bundled by Astro into this page only. The
 * configuration was built at build time and embedded in the page as JSON.
 */
import './decap-globals.ts';
import CMS from 'decap-cms-app';
import previewCss from './preview.css?raw';
import siteCss from '../styles/custom.css?raw';
import factsCss from '../styles/toolkit-facts.css?raw';
import componentsCss from './components-preview.css?raw';
import { FORMATS, TOOLKITS_COLLECTION, normalizeToolkit } from './collections.ts';
import { frontmatterFromFile, frontmatterToFile, yamlFromFile, yamlToFile, type FormatOptions } from './formats.ts';
import { installEntryChecks } from './entry-checks.ts';
import { toolkitPreview } from './preview.ts';
import { guardUploads } from './media-upload.ts';
import { registerEditorComponents } from './rich-text.ts';
import { registerRichTextWidget } from './rich-text-widget.ts';
import type { CmsConfigJson } from './config.ts';
import { FRENCH, translateDialogs } from './locale-fr.ts';
import { keepFormInStep } from './navigation.ts';
import { registerFieldWidgets } from './field-widgets.ts';
import { bodyImageComponent } from './image-component.ts';
import { HOME_COLLECTION } from './collections.ts';
import { glossaryFromFile, glossaryToFile } from './formats.ts';
import type { CmsConfig } from 'decap-cms-core';
import type { Immutable } from 'decap-cms-core/dist/esm/redux/index.js';

const element = document.getElementById('cms-config');
if (!element?.textContent) throw new Error('Configuration du CMS absente de la page.');
const config = JSON.parse(element.textContent) as CmsConfigJson;

function collectionFields(format: string) {
  return config.collections.find((c) => c.format === format)?.fields ?? [];
}

const toolkitOptions: FormatOptions = { fields: collectionFields(FORMATS.toolkit), normalize: normalizeToolkit };
const guideOptions: FormatOptions = { fields: collectionFields(FORMATS.guide) };
const kpaOptions: FormatOptions = { fields: collectionFields(FORMATS.kpa) };

CMS.registerCustomFormat(FORMATS.toolkit, 'mdx', {
  fromFile: (content) => frontmatterFromFile(content, toolkitOptions),
  toFile: (data) => frontmatterToFile(data as Record<string, unknown>, toolkitOptions),
});
CMS.registerCustomFormat(FORMATS.guide, 'mdx', {
  fromFile: (content) => frontmatterFromFile(content, guideOptions),
  toFile: (data) => frontmatterToFile(data as Record<string, unknown>, guideOptions),
});
CMS.registerCustomFormat(FORMATS.kpa, 'yaml', {
  fromFile: (content) => yamlFromFile(content, kpaOptions),
  toFile: (data) => yamlToFile(data as Record<string, unknown>, kpaOptions),
});

const singleFileFields = (collection: string) =>
  config.collections.find((c) => c.name === collection)?.files?.[0]?.fields ?? [];

// The rules of `npm run validate`, on the file Decap is about to write: an error stops the
// save, and every problem is shown at the top of the form and under its field.
const entryChecks = installEntryChecks((collection) => {
  // The home page and the glossary are collections of one file, with that file's fields.
  return config.collections.find((c) => c.name === collection)?.fields ?? singleFileFields(collection);
});
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    await entryChecks.beforeSave(entry as Immutable);
    return undefined;
  },
});
CMS.registerEventListener({
  name: 'postSave',
  handler: () => {
    entryChecks.afterSave();
  },
});

CMS.registerPreviewStyle(`${previewCss}\n${siteCss}\n${factsCss}`, { raw: true });
CMS.registerPreviewTemplate(TOOLKITS_COLLECTION, toolkitPreview(collectionFields(FORMATS.toolkit)));

// The editor as a contributor meets it: French from the first screen (and in Decap's
// English dialogs), a form that always belongs to the address shown, live help under the
// fields, pictures with their text in bodies, the home page and the glossary.
CMS.registerLocale('fr', FRENCH);
CMS.registerLocale('en', FRENCH);
translateDialogs();
keepFormInStep();
registerFieldWidgets(CMS);
CMS.registerEditorComponent(bodyImageComponent());
const homeOptions: FormatOptions = { fields: singleFileFields(HOME_COLLECTION) };
CMS.registerCustomFormat(FORMATS.home, 'mdx', {
  fromFile: (content) => frontmatterFromFile(content, homeOptions),
  toFile: (data) => frontmatterToFile(data as Record<string, unknown>, homeOptions),
});
CMS.registerCustomFormat(FORMATS.glossary, 'yaml', {
  fromFile: (content) => glossaryFromFile(content),
  toFile: (data) => glossaryToFile(data as Record<string, unknown>),
});

// Writing without Markdown: the guide's components in the toolbar's menu, Decap's writer set
// to the guide's Markdown style, and the Markdown widget that keeps raw mode, with a notice,
// for a text the rich-text editor would rewrite.
registerEditorComponents(CMS);
registerRichTextWidget(CMS);
CMS.registerPreviewStyle(componentsCss, { raw: true });

// Before Decap renders anything: every file chosen for upload is checked, an SVG cleaned.
guardUploads();

// Our JSON type is narrower than Decap's and built from the same names.
CMS.init({ config: config as unknown as CmsConfig });
