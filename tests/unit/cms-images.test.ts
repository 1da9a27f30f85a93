import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BODY_IMAGE_PATTERN, bodyImageFields, imageFromBlock, imageToBlock } from '../../src/cms/image-component.ts';
import { mediaFileName, prepareUpload, safeBaseName } from '../../src/cms/media-upload.ts';
import { WIDGETS } from '../../src/cms/schema-fields.ts';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

describe('the names of uploaded files', () => {
  it('keeps lower-case ASCII letters, digits and dashes of the name, accents removed', () => {
    expect(safeBaseName('Photo du marché (été).JPG')).toBe('photo-du-marche-ete');
    expect(safeBaseName('../../.secret.png')).toBe('secret');
    expect(safeBaseName('数据.png')).toBe('fichier');
    expect(safeBaseName(`${'a'.repeat(80)}.png`)).toBe('a'.repeat(60));
  });

  it('adds the digest of the content, so that two different pictures with one name never meet', async () => {
    const first = new TextEncoder().encode('une première image');
    const second = new TextEncoder().encode('une autre image');
    const a = await mediaFileName('Photo.JPG', first.buffer);
    const b = await mediaFileName('Photo.JPG', second.buffer);
    expect(a).toBe(`photo-${sha(first)}.jpg`);
    expect(b).toBe(`photo-${sha(second)}.jpg`);
    expect(a).not.toBe(b);
    // The same picture sent again, under the name the site gave it, keeps that name.
    expect(await mediaFileName(a, first.buffer)).toBe(a);
  });

  it('sends a picture under its new name, with its bytes and its type unchanged', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const prepared = await prepareUpload(new File([bytes], 'Vélo réparé.PNG', { type: 'image/png' }));
    expect(prepared.name).toBe(`velo-repare-${sha(bytes)}.png`);
    expect(prepared.type).toBe('image/png');
    expect(new Uint8Array(await prepared.arrayBuffer())).toEqual(bytes);
  });
});

describe('pictures in a body', () => {
  const roundTrip = (block: string) => {
    const match = BODY_IMAGE_PATTERN.exec(block);
    if (!match) throw new Error(`« ${block} » n’est pas reconnu`);
    return imageToBlock(imageFromBlock(match));
  };

  it('reads and writes back the Markdown of a picture, with or without a tooltip, unchanged', () => {
    for (const block of [
      '![Une table couverte de légumes](/media/disco-soupe-1a2b3c4d.jpg)',
      '![Le plan \\[étage\\]](/media/plan.svg "Le plan du rez-de-chaussée")',
      '![Un panneau « "Ouvert" »](/media/panneau.png "Il dit \\"Ouvert\\"")',
    ]) {
      expect(roundTrip(block)).toBe(block);
    }
    const plan = BODY_IMAGE_PATTERN.exec('![Le plan \\[étage\\]](/media/plan.svg)');
    expect(plan && imageFromBlock(plan)).toEqual({
      image: '/media/plan.svg',
      alt: 'Le plan [étage]',
    });
  });

  it('escapes what would end the text early', () => {
    expect(imageToBlock({ image: '/media/a.png', alt: 'Un crochet ] au milieu', title: 'Un " guillemet' })).toBe(
      '![Un crochet \\] au milieu](/media/a.png "Un \\" guillemet")',
    );
  });

  it('asks for the picture and its alternative text, with the rules of the toolkit’s illustration', () => {
    const [image, alt, title] = bodyImageFields();
    expect(image).toMatchObject({ name: 'image', widget: WIDGETS.image, required: true, choose_url: false });
    expect(alt).toMatchObject({ name: 'alt', widget: WIDGETS.string, required: true, min_length: 5 });
    expect(alt?.hint).toMatch(/^Obligatoire avec une image/);
    expect(title).toMatchObject({ name: 'title', required: false });
  });
});
