/**
 * The browser side of `/admin/`: Decap CMS, bundled by Astro into this page only. The
 * configuration was built at build time and embedded in the page as JSON.
 */
import './decap-globals.ts';
import CMS from 'decap-cms-app';
import previewCss from './preview.css?raw';
import siteCss from '../styles/custom.css?raw';
import factsCss from '../styles/toolkit-facts.css?raw';
import { FORMATS, TOOLKITS_COLLECTION, normalizeToolkit } from './collections.ts';
import { frontmatterFromFile, frontmatterToFile, yamlFromFile, yamlToFile, type FormatOptions } from './formats.ts';
import { installEntryChecks } from './entry-checks.ts';
import { toolkitPreview } from './preview.ts';
import { guardUploads } from './media-upload.ts';
import type { CmsConfigJson } from './config.ts';
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

// The rules of `npm run validate`, on the file Decap is about to write: an error stops the
// save, and every problem is shown at the top of the form and under its field.
const entryChecks = installEntryChecks(
  (collection) => config.collections.find((c) => c.name === collection)?.fields ?? [],
);
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

// Before Decap renders anything: every file chosen for upload is checked, an SVG cleaned.
guardUploads();

// Our JSON type is narrower than Decap's and built from the same names.
CMS.init({ config: config as unknown as CmsConfig });
