/**
 * The Decap CMS configuration, built at build time by `src/pages/admin/index.astro` from the
 * schemas (`src/cms/collections.ts`) and from environment variables (see README.md). The
 * page embeds it as JSON; `src/cms/admin.ts` hands it to `CMS.init` (`load_config_file:
 * false`: there is no `config.yml` to drift).
 */
import { guideCollections, kpaCollection, toolkitCollection, type CmsCollectionConfig } from './collections.ts';
import { REPO_BRANCH, REPO_URL, SITE_URL } from '../config/site.ts';

export const BACKENDS = ['github', 'gitlab', 'gitea', 'test-repo'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * Where uploads go in the repository, and the address content gives them: from the site's
 * root, like every address in content; the build adds the sub-path, if any.
 */
export const MEDIA_FOLDER = 'public/media';
export const PUBLIC_FOLDER = '/media';

export interface CmsSettings {
  backend: BackendName;
  /** `owner/name` of the repository. */
  repo: string;
  branch: string;
  /** github: origin of the login relay (services/cms-auth); gitlab/gitea: address of the instance. */
  baseUrl?: string;
  /** Path of the authorisation endpoint on `baseUrl`. */
  authEndpoint?: string;
  /** gitlab/gitea: address of the API (e.g. `https://gitea.example.org/api/v1`). */
  apiRoot?: string;
  /** gitlab/gitea: identifier of the OAuth application, for PKCE. */
  appId?: string;
  /** Public address of the site. */
  siteUrl: string;
  /** Address of a `decap-server` on this machine; `undefined` in every production build. */
  localBackendUrl?: string;
}

/** A Decap configuration as JSON (what `CMS.init` receives). */
export interface CmsConfigJson {
  load_config_file: false;
  locale: 'fr';
  site_url: string;
  display_url: string;
  logo: { src: string; show_in_header: boolean };
  show_preview_links: boolean;
  backend: Record<string, unknown> & { name: string };
  publish_mode?: 'editorial_workflow' | 'simple';
  local_backend?: { url: string; allowed_hosts: string[] };
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  editor: { preview: boolean };
  collections: CmsCollectionConfig[];
}

export class CmsConfigError extends Error {
  override name = 'CmsConfigError';
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/** `owner/name` from a repository address such as `https://github.com/kpa-cite/guide`. */
export function repoFromUrl(url: string): string {
  const path = new URL(url).pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  return path;
}

function localUrl(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CmsConfigError(`${variable} n’est pas une adresse valide : « ${value} ».`);
  }
  if (url.protocol !== 'http:' || !LOCAL_HOSTS.includes(url.hostname)) {
    throw new CmsConfigError(
      `${variable} doit désigner decap-server sur cette machine (http://127.0.0.1:…), pas « ${value} ».`,
    );
  }
  return url.href.replace(/\/$/, '');
}

export interface EnvOptions {
  /** `astro dev`: the local backend is on, on port 8081 unless said otherwise. */
  dev: boolean;
  /** Defaults for the repository, from `src/config/site.ts`. */
  repoUrl: string;
  repoBranch: string;
  siteUrl: string;
}

/**
 * Reads the CMS settings from the environment. The local backend is on in `astro dev`, and
 * in a build only when `CMS_LOCAL_BACKEND_URL` is set for a site served from this machine
 * (the browser tests): a public build never talks to a `decap-server`.
 */
export function cmsSettingsFromEnv(env: Record<string, string | undefined>, options: EnvOptions): CmsSettings {
  const backend = (env['CMS_BACKEND'] ?? 'github') as BackendName;
  if (!BACKENDS.includes(backend)) {
    throw new CmsConfigError(`CMS_BACKEND vaut « ${backend} » : valeurs possibles ${BACKENDS.join(', ')}.`);
  }
  const settings: CmsSettings = {
    backend,
    repo: env['CMS_REPO'] ?? repoFromUrl(options.repoUrl),
    branch: env['CMS_BRANCH'] ?? options.repoBranch,
    siteUrl: options.siteUrl,
  };
  if (!/^[\w.-]+\/[\w.-]+(?:\/[\w.-]+)*$/.test(settings.repo)) {
    throw new CmsConfigError(`CMS_REPO doit être de la forme « propriétaire/nom », pas « ${settings.repo} ».`);
  }
  const optional = {
    baseUrl: env['CMS_BASE_URL'],
    authEndpoint: env['CMS_AUTH_ENDPOINT'],
    apiRoot: env['CMS_API_ROOT'],
    appId: env['CMS_APP_ID'],
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value) settings[key as keyof typeof optional] = value;
  }
  const local = env['CMS_LOCAL_BACKEND_URL'];
  if (options.dev) {
    settings.localBackendUrl = localUrl(local ?? 'http://127.0.0.1:8081/api/v1', 'CMS_LOCAL_BACKEND_URL');
  } else if (local) {
    const site = new URL(options.siteUrl);
    if (!LOCAL_HOSTS.includes(site.hostname)) {
      throw new CmsConfigError(
        `CMS_LOCAL_BACKEND_URL est réservé aux tests : il est refusé pour un site publié à ${options.siteUrl}.`,
      );
    }
    settings.localBackendUrl = localUrl(local, 'CMS_LOCAL_BACKEND_URL');
  }
  return settings;
}

const COMMIT_MESSAGES = {
  create: 'Créer « {{slug}} » ({{collection}})',
  update: 'Modifier « {{slug}} » ({{collection}})',
  delete: 'Supprimer « {{slug}} » ({{collection}})',
  uploadMedia: 'Ajouter le média « {{path}} »',
  deleteMedia: 'Supprimer le média « {{path}} »',
  openAuthoring: '{{message}}',
};

/**
 * With the github backend, `CMS_BASE_URL` is the login relay (services/cms-auth). Decap
 * accepts the relay's messages only from an origin equal to `base_url` (trailing slash
 * trimmed): with a path there, the login popup would hang without a word.
 */
function relayOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CmsConfigError(`CMS_BASE_URL n’est pas une adresse valide : « ${value} ».`);
  }
  if (value.replace(/\/+$/, '') !== url.origin) {
    throw new CmsConfigError(
      `Avec CMS_BACKEND=github, CMS_BASE_URL est l’adresse du relais de connexion, sans chemin ` +
        `(voir services/cms-auth/README.md) : « ${url.origin} » et non « ${value} ».`,
    );
  }
  return url.origin;
}

function backendConfig(settings: CmsSettings): {
  backend: CmsConfigJson['backend'];
  publishMode: 'editorial_workflow' | 'simple';
} {
  const common = { repo: settings.repo, branch: settings.branch, commit_messages: COMMIT_MESSAGES };
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  switch (settings.backend) {
    case 'github':
      return {
        backend: {
          name: 'github',
          ...common,
          open_authoring: true,
          cms_label_prefix: 'cms/',
          ...optional('base_url', settings.baseUrl && relayOrigin(settings.baseUrl)),
          ...optional('auth_endpoint', settings.authEndpoint),
          ...optional('api_root', settings.apiRoot),
        },
        publishMode: 'editorial_workflow',
      };
    case 'gitlab':
    case 'gitea': {
      if (!settings.appId) {
        throw new CmsConfigError(
          `CMS_BACKEND=${settings.backend} demande CMS_APP_ID (l’application OAuth, pour PKCE).`,
        );
      }
      if (settings.backend === 'gitea' && (!settings.baseUrl || !settings.apiRoot)) {
        throw new CmsConfigError('CMS_BACKEND=gitea demande CMS_BASE_URL et CMS_API_ROOT (adresses de l’instance).');
      }
      return {
        backend: {
          name: settings.backend,
          ...common,
          auth_type: 'pkce',
          app_id: settings.appId,
          ...optional('base_url', settings.baseUrl),
          ...optional('auth_endpoint', settings.authEndpoint),
          ...optional('api_root', settings.apiRoot),
        },
        // Decap's Gitea backend has no editorial workflow: it commits to CMS_BRANCH, which
        // should then be a review branch (see README.md).
        publishMode: settings.backend === 'gitlab' ? 'editorial_workflow' : 'simple',
      };
    }
    case 'test-repo':
      return { backend: { name: 'test-repo' }, publishMode: 'simple' };
  }
}

export function buildCmsConfig(settings: CmsSettings): CmsConfigJson {
  const { backend, publishMode } = backendConfig(settings);
  const site = settings.siteUrl.replace(/\/+$/, '');
  return {
    load_config_file: false,
    locale: 'fr',
    site_url: site,
    display_url: site,
    // On the site itself (under its sub-path): the admin page fetches nothing from elsewhere.
    logo: { src: new URL('favicon.svg', `${site}/`).pathname, show_in_header: true },
    show_preview_links: true,
    backend,
    publish_mode: publishMode,
    ...(settings.localBackendUrl !== undefined && {
      local_backend: { url: settings.localBackendUrl, allowed_hosts: LOCAL_HOSTS },
    }),
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_FOLDER,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    editor: { preview: true },
    collections: [toolkitCollection(), ...guideCollections(), kpaCollection()],
  };
}

/**
 * The configuration that this build's `/admin/` embeds, from the deployment settings
 * (`src/config/site.ts`) and the `CMS_*` variables. Its page and the security headers (the
 * addresses the editor may reach) both read it from here.
 */
export function siteCmsConfig(
  options: { dev: boolean },
  env: Record<string, string | undefined> = process.env,
): CmsConfigJson {
  return buildCmsConfig(
    cmsSettingsFromEnv(env, { dev: options.dev, repoUrl: REPO_URL, repoBranch: REPO_BRANCH, siteUrl: SITE_URL }),
  );
}
