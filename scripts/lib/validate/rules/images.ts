/**
 * Rule: every image exists, says what it shows, and is a picture of the repository. The alt
 * text and the path are checked per file; the file itself once every path is known: a site
 * path (`/media/x.jpg`) must exist under `public/`, a relative path next to the page.
 *
 * A relative picture is imported by the compiled page (Astro optimises it), so a path to a
 * script (`./.x/photo.mjs`) or out of the repository (`../../..`) would be code or a file the
 * build has no business reading: only image files inside the repository are accepted.
 */
// Node's own `path.posix`, packaged for browsers: the online editor runs this rule too.
import posix from 'path-browserify';
import { isImagePath } from '../routes.ts';
import { localIssue, type LocalIssue, type Position } from '../issues.ts';

export function imageAltIssue(src: string, at: Position): LocalIssue {
  return localIssue(
    'image-alt',
    at,
    `image « ${src} » sans texte alternatif : décrivez ce qu’elle montre, ![description](…) ou alt="…"`,
  );
}

export function imageMissingIssue(src: string, at: Position, looked: string): LocalIssue {
  return localIssue('image-missing', at, `image « ${src} » introuvable (cherchée dans ${looked})`);
}

function decode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * The problem with a relative image path written in the file at `folder` (relative to the
 * repository), if any. Site paths (`/media/…`) and web addresses are not relative.
 */
export function imagePathIssue(src: string, folder: string, at: Position): LocalIssue | undefined {
  const path = decode(src.split(/[?#]/)[0] ?? '');
  if (path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  const resolved = posix.normalize(posix.join(folder, path));
  if (resolved === '..' || resolved.startsWith('../') || posix.isAbsolute(resolved)) {
    return localIssue(
      'image-path',
      at,
      `image « ${src} » hors du dépôt : rangez-la dans public/media/ et écrivez /media/…`,
    );
  }
  if (resolved.split('/').some((segment) => segment.startsWith('.'))) {
    return localIssue('image-path', at, `image « ${src} » dans un dossier caché : rangez-la dans public/media/`);
  }
  if (!isImagePath(resolved)) {
    return localIssue(
      'image-path',
      at,
      `« ${src} » n’est pas une image (.png, .jpg, .jpeg, .webp, .avif, .gif, .svg) : le site l’importerait comme du code`,
    );
  }
  return undefined;
}
