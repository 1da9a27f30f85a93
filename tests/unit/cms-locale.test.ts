import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import { FRENCH, frenchDialog, type Phrases } from '../../src/cms/locale-fr.ts';
import { leaves } from '../helpers/phrases.ts';

const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Strings that are the same word in both languages, or only a value put in. */
const SAME_IN_FRENCH = new Set([
  'editor.editorNotesPane.title',
  'editor.editorInterface.toggleNotes',
  'editor.editorWidgets.markdown.code',
  'editor.editorWidgets.markdown.markdown',
  'mediaLibrary.mediaLibraryModal.images',
  'ui.toast.onFailToAuth',
  'workflow.workflowCard.lastChangeNoAuthor',
]);

describe('the French of the online editor', () => {
  const english = leaves(en as Phrases);
  const french = leaves(FRENCH);

  it('has a French string for every string of Decap’s English, and no other', () => {
    expect([...english.keys()].filter((k) => !french.has(k))).toEqual([]);
    expect([...french.keys()].filter((k) => !english.has(k))).toEqual([]);
  });

  it('keeps the values Decap puts into each string', () => {
    // The kind of input (« kpa-string ») is left out of the label screen readers announce.
    const dropped = new Set(['editor.editorControl.field.widgetLabel']);
    const differ = [...english].filter(([key, text]) => {
      if (dropped.has(key)) return false;
      const translated = french.get(key) ?? '';
      return placeholders(translated).join() !== placeholders(text).join();
    });
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('leaves no English string, no « Oops », no talk of a schema and no glyph from a rare font', () => {
    const untranslated = [...english].filter(([key, text]) => french.get(key) === text && !SAME_IN_FRENCH.has(key));
    expect(untranslated.map(([key]) => key)).toEqual([]);
    const awkward = [...french].filter(([, text]) => /Oops|schéma|＋|\.\.\./u.test(text));
    expect(awkward).toEqual([]);
  });

  it('asks Decap’s English confirmation about a file that already exists in French', () => {
    expect(frenchDialog('photo-1a2b3c4d.jpg already exists. Do you want to replace it?')).toBe(
      '« photo-1a2b3c4d.jpg » existe déjà. Le remplacer ?',
    );
    expect(frenchDialog('Quitter cette page ?')).toBe('Quitter cette page ?');
  });
});
