/**
 * Rule: every image exists and says what it shows. The alt text is checked per file; the
 * file itself once every path is known: a site path (`/media/x.jpg`) must exist under
 * `public/`, a relative path next to the page.
 */
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
