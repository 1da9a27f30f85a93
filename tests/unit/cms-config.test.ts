import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { CATEGORIES, DIFFICULTIES, LICENSES, VENUE_NEEDS, toolkitSchema } from '../../src/schemas/toolkit.ts';
import { KPA_STATUSES, kpaSchema } from '../../src/schemas/kpa.ts';
import { glossaryEntrySchema } from '../../src/schemas/glossary.ts';
import { buildCmsConfig, cmsSettingsFromEnv, type CmsSettings } from '../../src/cms/config.ts';
import type { CmsCollectionConfig, CmsFileConfig } from '../../src/cms/collections.ts';
import { WIDGETS, fieldsFromSchema, type CmsFieldConfig } from '../../src/cms/schema-fields.ts';

const DEFAULTS = {
  dev: false,
  repoUrl: 'https://github.com/kpa-cite/guide',
  repoBranch: 'main',
  siteUrl: 'https://guide.example.org',
};

const production = buildCmsConfig(cmsSettingsFromEnv({}, DEFAULTS));
const collection = (name: string): CmsCollectionConfig => {
  const found = production.collections.find((c) => c.name === name);
  if (!found || found.files) throw new Error(`collection ${name} absente`);
  return found;
};
/** The single file of a files collection (the home page, the glossary). */
const singleFile = (name: string): CmsFileConfig => {
  const found = production.collections.find((c) => c.name === name)?.files?.[0];
  if (!found) throw new Error(`fichier ${name} absent`);
  return found;
};

interface Mismatch {
  path: string;
  problem: string;
}

/**
 * Walks a zod object and a list of CMS fields side by side, independently of the code that
 * generated the fields, and lists every difference: a field on one side only, a widget that
 * cannot hold the schema's type, a wrong required flag, different options. Inside an
 * optional object, « required » means « once the object is filled in »: the object must
 * then be our optional-object widget, which checks nothing while it is empty.
 */
function compare(schema: z.core.$ZodType, fields: readonly CmsFieldConfig[], path = ''): Mismatch[] {
  const shape = (schema as z.ZodObject).shape as Record<string, z.core.$ZodType>;
  const out: Mismatch[] = [];
  const names = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(shape)) {
    if (!names.has(key)) out.push({ path: `${path}${key}`, problem: 'champ du schéma sans widget' });
  }
  for (const field of fields) {
    const member = shape[field.name];
    const at = `${path}${field.name}`;
    if (!member) {
      out.push({ path: at, problem: 'widget sans champ dans le schéma' });
      continue;
    }
    let inner = member;
    let optional = false;
    while (['optional', 'default'].includes(inner._zod.def.type)) {
      optional = true;
      inner = (inner._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
    }
    const required = !optional;
    if ((field.required ?? true) !== required)
      out.push({ path: at, problem: `required devrait être ${String(required)}` });
    const type = inner._zod.def.type;
    const expectWidget = (widgets: string[]) => {
      if (!widgets.includes(field.widget)) out.push({ path: at, problem: `widget ${field.widget} pour un ${type}` });
    };
    const strings = ['string', 'text', WIDGETS.string, WIDGETS.text];
    const selects = ['select', WIDGETS.select];
    if (type === 'string') expectWidget([...strings, WIDGETS.image, 'relation']);
    else if (type === 'number') expectWidget(['number', ...selects]);
    // A converted value that may be written as a number or as text: either widget fits.
    else if (type === 'pipe') expectWidget(['number', ...strings]);
    else if (type === 'boolean') expectWidget(['boolean']);
    else if (type === 'date') expectWidget(['datetime']);
    else if (type === 'enum') {
      expectWidget(selects);
      const values = Object.values((inner as z.ZodEnum).enum);
      expect(field.options?.map((o) => o.value)).toEqual(values);
    } else if (type === 'object') {
      expectWidget([optional ? WIDGETS.optionalObject : 'object']);
      out.push(...compare(inner, field.fields ?? [], `${at}.`));
    } else if (type === 'array') {
      const element = (inner as z.ZodArray).element;
      const elementType = element._zod.def.type;
      if (elementType === 'object') {
        expectWidget(['list']);
        out.push(...compare(element, field.fields ?? [], `${at}[].`));
      } else if (elementType === 'enum') {
        expectWidget(['select']);
        if (field.multiple !== true) out.push({ path: at, problem: 'liste de valeurs sans multiple' });
        expect(field.options?.map((o) => o.value)).toEqual(Object.values((element as z.ZodEnum).enum));
      } else {
        expectWidget(['list', 'relation']);
        if (field.widget === 'relation' && field.multiple !== true)
          out.push({ path: at, problem: 'relation sans multiple' });
      }
    } else {
      out.push({ path: at, problem: `type ${type} non vérifié` });
    }
  }
  return out;
}

describe('the CMS form generated from the schemas', () => {
  it('gives every toolkit schema field, at every depth, a widget that fits, and no widget without a field', () => {
    const fields = collection('toolkits').fields.filter((f) => f.name !== 'body');
    expect(compare(toolkitSchema, fields)).toEqual([]);
  });

  it('gives every KPA schema field a widget that fits, and no widget without a field', () => {
    expect(compare(kpaSchema, collection('kpa').fields)).toEqual([]);
  });

  it('gives every field of a glossary entry a widget that fits, in a list of terms', () => {
    const [entries] = singleFile('glossaire').fields;
    expect(entries).toMatchObject({ name: 'entries', widget: 'list', required: true });
    expect(compare(glossaryEntrySchema, entries?.fields ?? [])).toEqual([]);
  });

  it('names each guide section in « Ajout rapide » and on its « Ajouter » button', () => {
    const labels = production.collections.filter((c) => !c.files).map((c) => c.label_singular);
    expect(labels).toEqual([
      'une boîte à outils',
      'une page « Découvrir les KPA »',
      'une page « Comment fonctionne un KPA »',
      'une page « Créer un KPA »',
      'une page « Ressources »',
      'une page « Contribuer »',
      'un KPA',
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('reports a schema field with no widget, a widget with no field, a wrong widget and a wrong required flag', () => {
    const schema = z.object({
      title: z.string(),
      extra: z.number(),
      when: z.strictObject({ year: z.number(), note: z.string().optional() }),
    });
    const fields: CmsFieldConfig[] = [
      { name: 'title', label: 'Titre', widget: 'number', required: true },
      { name: 'legacy', label: 'Ancien', widget: 'string', required: true },
      {
        name: 'when',
        label: 'Quand',
        widget: 'object',
        fields: [
          { name: 'year', label: 'Année', widget: 'number', required: false },
          { name: 'note', label: 'Note', widget: 'string', required: false },
        ],
      },
    ];
    expect(compare(schema, fields)).toEqual([
      { path: 'extra', problem: 'champ du schéma sans widget' },
      { path: 'title', problem: 'widget number pour un string' },
      { path: 'legacy', problem: 'widget sans champ dans le schéma' },
      { path: 'when.year', problem: 'required devrait être true' },
    ]);
  });

  it('refuses to build a form when a schema field has no French label, or a label has no field', () => {
    const schema = z.object({ title: z.string(), year: z.number() });
    expect(() => fieldsFromSchema(schema, { title: { label: 'Titre' } })).toThrow(
      'Le champ « year » n’a pas de libellé pour le formulaire.',
    );
    expect(() =>
      fieldsFromSchema(schema, { title: { label: 'Titre' }, year: { label: 'Année' }, town: { label: 'Ville' } }),
    ).toThrow('Libellés sans champ dans le schéma : town');
  });

  it('labels categories, difficulties, venue needs, licences and statuses in French from the schema constants', () => {
    const field = (name: string, from = 'toolkits') => collection(from).fields.find((f) => f.name === name);
    expect(field('category')?.options).toEqual(
      CATEGORIES.map((c) => ({ value: c.id, label: `${c.label} — ${c.description}` })),
    );
    expect(field('difficulty')?.options?.map((o) => o.value)).toEqual(DIFFICULTIES.map((d) => d.level));
    expect(field('difficulty')?.options?.[0]?.label).toBe(`1 — Très facile : ${DIFFICULTIES[0].description}`);
    expect(field('venue')?.options).toEqual(VENUE_NEEDS.map((v) => ({ value: v.id, label: v.label })));
    expect(field('license')?.options).toEqual(LICENSES.map((l) => ({ value: l.id, label: l.label })));
    expect(field('status', 'kpa')?.options).toEqual(KPA_STATUSES.map((s) => ({ value: s.id, label: s.label })));
  });

  it('takes defaults, bounds, formats and lengths from the schema', () => {
    const fields = collection('toolkits').fields;
    const field = (name: string) => fields.find((f) => f.name === name);
    expect(field('license')?.default).toBe('CC-BY-SA-4.0');
    expect(field('draft')?.default).toBe(false);
    expect(field('updated')).toMatchObject({
      widget: 'datetime',
      date_format: 'YYYY-MM-DD',
      time_format: false,
      default: '{{now}}',
    });
    expect(field('minAge')).toMatchObject({ widget: 'number', value_type: 'int', min: 6, max: 99, required: false });
    expect(field('duration')?.fields?.map((f) => [f.name, f.widget, f.value_type, f.min])).toEqual([
      ['preparation', 'number', 'int', 0],
      ['activity', 'number', 'int', 0],
    ]);
    expect(field('groupSize')?.fields?.map((f) => [f.name, f.min])).toEqual([
      ['min', 1],
      ['max', 1],
    ]);
    expect(field('title')?.pattern).toEqual(['^[\\s\\S]{3,90}$', 'entre 3 et 90 caractères attendus']);
    expect(field('summary')?.pattern).toEqual(['^[\\s\\S]{20,160}$', 'entre 20 et 160 caractères attendus']);
    expect(field('summary')).toMatchObject({ widget: WIDGETS.text, min_length: 20, max_length: 160 });
    expect(field('economicMissions')).toMatchObject({ widget: 'list', min: 1, required: true });
    expect(field('tags')).toMatchObject({ widget: 'list', max: 12, required: false });
    expect(field('materials')?.fields?.map((f) => [f.name, f.required])).toEqual([
      ['name', true],
      ['quantity', false],
    ]);
    expect(field('inspiredBy')?.fields?.find((f) => f.name === 'url')?.pattern?.[0]).toBe('^https?://\\S+$');
    expect(field('related')).toMatchObject({
      widget: 'relation',
      collection: 'toolkits',
      multiple: true,
      value_field: '{{slug}}',
    });
    expect(field('variantOf')).toMatchObject({ widget: 'relation', collection: 'toolkits', required: false });
  });

  it('asks for an image and its alternative text together, in an optional group checked only once filled in', () => {
    const image = collection('toolkits').fields.find((f) => f.name === 'image');
    expect(image).toMatchObject({ widget: WIDGETS.optionalObject, required: false });
    expect(image?.fields?.map((f) => [f.name, f.widget, f.required])).toEqual([
      ['src', WIDGETS.image, true],
      ['alt', WIDGETS.string, true],
    ]);
    // Decap would test a pattern against the uploaded file's name, never against « /media/… »;
    // and a picture from another site is not one of the repository's.
    expect(image?.fields?.[0]).not.toHaveProperty('pattern');
    expect(image?.fields?.[0]).toMatchObject({ choose_url: false });
    expect(image?.fields?.[1]).toMatchObject({
      min_length: 5,
      pattern: ['^[\\s\\S]{5,}$', 'au moins 5 caractères attendus'],
    });
  });

  it('spells out the chosen category and difficulty level, whose descriptions the list cuts', () => {
    const fields = collection('toolkits').fields;
    expect(fields.find((f) => f.name === 'difficulty')).toMatchObject({ widget: WIDGETS.select, explain_choice: true });
    expect(fields.find((f) => f.name === 'category')).toMatchObject({ widget: WIDGETS.select, explain_choice: true });
  });

  it('labels a collapsed list item by its text, never by the label of its field', () => {
    const fields = collection('toolkits').fields;
    expect(fields.find((f) => f.name === 'tools')?.summary).toBe("{{fields.tool | default('(à compléter)')}}");
    expect(fields.find((f) => f.name === 'economicMissions')?.summary).toBe(
      "{{fields.economicMission | default('(à compléter)')}}",
    );
    expect(fields.find((f) => f.name === 'materials')?.summary).toBe("{{fields.name | default('(à compléter)')}}");
    expect(singleFile('glossaire').fields[0]?.summary).toBe("{{fields.term | default('(à compléter)')}}");
  });

  it('writes toolkits as MDX in content/toolkits with ASCII kebab-case slugs and media under public/media', () => {
    expect(collection('toolkits')).toMatchObject({ folder: 'content/toolkits', extension: 'mdx', slug: '{{slug}}' });
    expect(production.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
    expect(production).toMatchObject({ media_folder: 'public/media', public_folder: '/media', locale: 'fr' });
    expect(production.load_config_file).toBe(false);
  });

  it('has a guide collection per section folder, the home page, the glossary and the KPA directory', () => {
    expect(production.collections.map((c) => (c.files ? c.files.map((f) => f.file) : c.folder))).toEqual([
      'content/toolkits',
      ['content/docs/index.mdx'],
      'content/docs/decouvrir',
      'content/docs/fonctionnement',
      'content/docs/creer',
      'content/docs/ressources',
      'content/docs/contribuer',
      ['content/glossaire.yaml'],
      'content/kpa',
    ]);
    expect(singleFile('accueil').fields.map((f) => f.name)).toEqual(['title', 'description', 'hero', 'body']);
    expect(singleFile('accueil').fields[2]?.fields?.map((f) => f.name)).toEqual(['tagline', 'actions']);
    expect(collection('guide-decouvrir').fields.map((f) => f.name)).toEqual([
      'title',
      'description',
      'aliases',
      'sidebar',
      'body',
    ]);
    expect(collection('kpa')).toMatchObject({ extension: 'yaml', identifier_field: 'name' });
  });
});

describe('the CMS backend chosen from environment variables', () => {
  it('uses GitHub with the editorial workflow and open authoring by default, on the repository of REPO_URL', () => {
    expect(production.backend).toMatchObject({
      name: 'github',
      repo: 'kpa-cite/guide',
      branch: 'main',
      open_authoring: true,
    });
    expect(production.publish_mode).toBe('editorial_workflow');
    expect(production.local_backend).toBeUndefined();
  });

  it('passes the repository, branch and OAuth addresses given in CMS_* variables', () => {
    const config = buildCmsConfig(
      cmsSettingsFromEnv(
        {
          CMS_REPO: 'collectif/guide-kpa',
          CMS_BRANCH: 'propositions',
          CMS_BASE_URL: 'https://oauth.example.org',
          CMS_AUTH_ENDPOINT: 'auth',
        },
        DEFAULTS,
      ),
    );
    expect(config.backend).toMatchObject({
      name: 'github',
      repo: 'collectif/guide-kpa',
      branch: 'propositions',
      base_url: 'https://oauth.example.org',
      auth_endpoint: 'auth',
    });
  });

  it('points Decap’s GitHub login at the relay of CMS_BASE_URL, on the relay’s /auth route', () => {
    const config = buildCmsConfig(
      cmsSettingsFromEnv({ CMS_BASE_URL: 'https://kpa-cms-auth.example.workers.dev/' }, DEFAULTS),
    );
    // No auth_endpoint: Decap's default, `auth`, is the relay's route (the relay's browser
    // test logs in with Decap's own popup code and that default).
    expect(config.backend).toEqual({
      name: 'github',
      repo: 'kpa-cite/guide',
      branch: 'main',
      commit_messages: expect.any(Object) as unknown,
      open_authoring: true,
      cms_label_prefix: 'cms/',
      base_url: 'https://kpa-cms-auth.example.workers.dev',
    });
    // Without a relay, Decap would use Netlify's service, which only knows sites hosted there.
    expect(production.backend['base_url']).toBeUndefined();
  });

  it('refuses a GitHub CMS_BASE_URL with a path, which Decap could never match with the relay’s origin', () => {
    expect(() =>
      buildCmsConfig(cmsSettingsFromEnv({ CMS_BASE_URL: 'https://auth.example.org/decap' }, DEFAULTS)),
    ).toThrow(
      'Avec CMS_BACKEND=github, CMS_BASE_URL est l’adresse du relais de connexion, sans chemin ' +
        '(voir services/cms-auth/README.md) : « https://auth.example.org » et non « https://auth.example.org/decap ».',
    );
    expect(() => buildCmsConfig(cmsSettingsFromEnv({ CMS_BASE_URL: 'auth.example.org' }, DEFAULTS))).toThrow(
      'CMS_BASE_URL n’est pas une adresse valide : « auth.example.org ».',
    );
  });

  it('uses PKCE for GitLab and Gitea, and says which variable is missing', () => {
    expect(() => buildCmsConfig(cmsSettingsFromEnv({ CMS_BACKEND: 'gitlab' }, DEFAULTS))).toThrow(
      'CMS_BACKEND=gitlab demande CMS_APP_ID (l’application OAuth, pour PKCE).',
    );
    const gitlab = buildCmsConfig(cmsSettingsFromEnv({ CMS_BACKEND: 'gitlab', CMS_APP_ID: 'abc' }, DEFAULTS));
    expect(gitlab.backend).toMatchObject({ name: 'gitlab', auth_type: 'pkce', app_id: 'abc' });
    expect(gitlab.publish_mode).toBe('editorial_workflow');
    expect(() => buildCmsConfig(cmsSettingsFromEnv({ CMS_BACKEND: 'gitea', CMS_APP_ID: 'abc' }, DEFAULTS))).toThrow(
      'CMS_BACKEND=gitea demande CMS_BASE_URL et CMS_API_ROOT (adresses de l’instance).',
    );
    const gitea = buildCmsConfig(
      cmsSettingsFromEnv(
        {
          CMS_BACKEND: 'gitea',
          CMS_APP_ID: 'abc',
          CMS_BASE_URL: 'https://git.example.org',
          CMS_API_ROOT: 'https://git.example.org/api/v1',
        },
        DEFAULTS,
      ),
    );
    expect(gitea.backend).toMatchObject({
      name: 'gitea',
      auth_type: 'pkce',
      api_root: 'https://git.example.org/api/v1',
    });
    expect(gitea.publish_mode).toBe('simple');
  });

  it('rejects an unknown backend', () => {
    expect(() => cmsSettingsFromEnv({ CMS_BACKEND: 'netlify' }, DEFAULTS)).toThrow(
      'CMS_BACKEND vaut « netlify » : valeurs possibles github, gitlab, gitea, test-repo.',
    );
  });

  it('turns the local backend on in astro dev only, on 127.0.0.1:8081 unless CMS_LOCAL_BACKEND_URL says otherwise', () => {
    const dev = buildCmsConfig(cmsSettingsFromEnv({}, { ...DEFAULTS, dev: true }));
    expect(dev.local_backend).toEqual({
      url: 'http://127.0.0.1:8081/api/v1',
      allowed_hosts: ['127.0.0.1', 'localhost'],
    });
    expect(dev.backend['name']).toBe('github');
    const port = cmsSettingsFromEnv(
      { CMS_LOCAL_BACKEND_URL: 'http://127.0.0.1:9000/api/v1' },
      { ...DEFAULTS, dev: true },
    );
    expect(port.localBackendUrl).toBe('http://127.0.0.1:9000/api/v1');
  });

  it('accepts CMS_LOCAL_BACKEND_URL in a build only for a site served from this machine', () => {
    const env = { CMS_LOCAL_BACKEND_URL: 'http://127.0.0.1:9000/api/v1' };
    expect(() => cmsSettingsFromEnv(env, DEFAULTS)).toThrow(
      'CMS_LOCAL_BACKEND_URL est réservé aux tests : il est refusé pour un site publié à https://guide.example.org.',
    );
    const local: CmsSettings = cmsSettingsFromEnv(env, { ...DEFAULTS, siteUrl: 'http://127.0.0.1:4321' });
    expect(buildCmsConfig(local).local_backend?.url).toBe('http://127.0.0.1:9000/api/v1');
    expect(() =>
      cmsSettingsFromEnv({ CMS_LOCAL_BACKEND_URL: 'http://192.168.1.5:8081/api/v1' }, { ...DEFAULTS, dev: true }),
    ).toThrow('CMS_LOCAL_BACKEND_URL doit désigner decap-server sur cette machine');
  });
});
