/**
 * Issues found by `npm run validate`, and the list of rules with their severity. An error
 * fails the validation (and the build); a warning is printed but lets it pass: it marks
 * something the site copes with but that a contributor should still fix.
 */

export type Severity = 'error' | 'warning';

/** Every rule, its severity and what it checks (the README lists them from here). */
export const RULES = {
  'file-encoding': { severity: 'error', checks: 'le fichier est en UTF-8' },
  'file-binary': { severity: 'error', checks: 'le fichier est du texte, pas un fichier binaire' },
  'file-empty': { severity: 'error', checks: 'le fichier n’est pas vide' },
  'file-too-large': { severity: 'error', checks: 'le fichier fait au plus 100 Ko' },
  'file-bom': { severity: 'warning', checks: 'pas de BOM (marque d’ordre des octets) au début du fichier' },
  'file-line-endings': {
    severity: 'warning',
    checks: 'fins de ligne Unix (LF), pas Windows (CRLF) ni anciennes Mac (CR)',
  },
  'file-hidden': { severity: 'error', checks: 'pas de fichier ni de dossier caché (nom commençant par « . »)' },
  'file-symlink': { severity: 'error', checks: 'pas de lien symbolique (il peut mener hors du dépôt)' },
  'file-too-complex': {
    severity: 'error',
    checks: 'le fichier se vérifie en moins de 2 secondes (sinon il est trop complexe pour le site)',
  },
  'compiler-crash': { severity: 'error', checks: 'le compilateur du site ne plante pas sur le fichier' },
  'file-name': {
    severity: 'error',
    checks: 'le nom d’une boîte à outils ou d’un dessin est un identifiant en minuscules',
  },
  'unexpected-file': { severity: 'warning', checks: 'le fichier est lu par le site (bon dossier, bonne extension)' },
  'yaml-syntax': { severity: 'error', checks: 'le YAML (en-tête ou fichier de données) est lisible' },
  'frontmatter-missing': { severity: 'error', checks: 'la page commence par un en-tête entre deux lignes « --- »' },
  'frontmatter-fence': {
    severity: 'error',
    checks: 'l’en-tête se ferme par une ligne « --- » seule, et le site le lit comme le validateur',
  },
  schema: { severity: 'error', checks: 'chaque champ respecte le schéma de sa collection (`src/schemas/`)' },
  'unknown-field': { severity: 'warning', checks: 'pas de champ inconnu dans l’en-tête d’une page du guide' },
  'mdx-syntax': { severity: 'error', checks: 'le MDX est bien formé (balises fermées, pas de « < » isolé…)' },
  'mdx-import-export': { severity: 'error', checks: 'pas d’`import` ni d’`export` dans le contenu' },
  'mdx-expression': {
    severity: 'error',
    checks: 'pas d’expression JavaScript `{…}` ni de directive Astro (`set:html`…)',
  },
  'mdx-component': { severity: 'error', checks: 'seuls les composants autorisés sont utilisés' },
  'html-forbidden': { severity: 'error', checks: 'pas de `<script>`, `<style>` ni `<iframe>`' },
  'html-tag': { severity: 'error', checks: 'seules des balises HTML simples sont utilisées' },
  'html-event-handler': { severity: 'error', checks: 'pas d’attribut `on…=` (code exécuté au clic, au chargement…)' },
  'html-attribute': { severity: 'error', checks: 'seuls des attributs HTML simples sont utilisés (pas de `style`)' },
  'plain-text': {
    severity: 'error',
    checks: 'titres, champs d’en-tête et attributs de composants affichés tels quels sont du texte simple',
  },
  'unsafe-url': { severity: 'error', checks: 'pas d’adresse `javascript:`, `vbscript:` ni `data:`' },
  'edit-url': { severity: 'error', checks: '`editUrl` mène au dépôt du guide' },
  'link-broken': { severity: 'error', checks: 'chaque lien interne mène à une page ou un fichier qui existe' },
  'link-anchor': { severity: 'error', checks: 'chaque ancre `#…` existe dans la page visée' },
  'link-trailing-slash': { severity: 'warning', checks: 'les liens vers une page finissent par « / »' },
  'image-missing': { severity: 'error', checks: 'chaque image existe (sous `public/`)' },
  'image-alt': { severity: 'error', checks: 'chaque image a un texte alternatif' },
  'image-path': {
    severity: 'error',
    checks: 'chaque image est un fichier image (.png, .jpg…) rangé dans le dépôt, sans « .. » qui en sorte',
  },
  'duplicate-slug': { severity: 'error', checks: 'deux fichiers ne donnent pas la même adresse' },
  'slug-invalid': {
    severity: 'error',
    checks: 'une adresse de page est faite de minuscules, chiffres et tirets, hors des dossiers réservés du site',
  },
  'duplicate-title': { severity: 'error', checks: 'deux boîtes à outils n’ont pas le même titre' },
  'duplicate-id': { severity: 'error', checks: 'deux entrées du glossaire n’ont pas le même identifiant' },
  'unknown-toolkit': { severity: 'error', checks: '`variantOf` et `related` nomment des boîtes à outils existantes' },
  'self-reference': { severity: 'error', checks: 'une boîte à outils ne se cite pas elle-même' },
  'variant-cycle': { severity: 'error', checks: 'pas de cycle dans les `variantOf`' },
  'unknown-diagram': {
    severity: 'error',
    checks: '`<Diagram name="…" />` nomme un dessin de `content/diagrams/`',
  },
  'media-type': {
    severity: 'error',
    checks:
      'un fichier de `public/media/` est une image (PNG, JPEG, GIF, WebP, AVIF, SVG) ou un PDF, et son extension dit ce qu’il contient',
  },
  'media-too-large': {
    severity: 'error',
    checks: 'un fichier de `public/media/` ne dépasse pas le poids permis pour son type',
  },
  'media-svg-unsafe': {
    severity: 'error',
    checks:
      'un SVG ne contient ni code (`<script>`, `on…=`, `<foreignObject>`), ni lien ou référence hors du fichier, ni `<!DOCTYPE>`',
  },
  'internal-error': { severity: 'error', checks: 'le validateur a pu lire le fichier (sinon, signalez-le)' },
} as const satisfies Record<string, { severity: Severity; checks: string }>;

export type RuleId = keyof typeof RULES;

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** An issue inside one file, before we know which path the file has. */
export interface LocalIssue extends Position {
  severity: Severity;
  rule: RuleId;
  message: string;
}

export interface Issue extends LocalIssue {
  /** Path relative to the validated root, with `/` separators. */
  file: string;
}

export const START: Position = { line: 1, column: 1 };

export function localIssue(rule: RuleId, at: Position, message: string): LocalIssue {
  return { line: at.line, column: at.column, severity: RULES[rule].severity, rule, message };
}

export function compareIssues(a: Issue, b: Issue): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}
