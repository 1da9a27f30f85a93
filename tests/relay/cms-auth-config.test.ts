import { describe, expect, it } from 'vitest';
import { readConfig } from '../../services/cms-auth/src/config.ts';

const MINIMAL = {
  GITHUB_CLIENT_ID: 'Iv1.abc',
  GITHUB_CLIENT_SECRET: 'shh',
  ALLOWED_ORIGINS: 'https://owner.github.io',
};

const errorOf = (env: Record<string, string | undefined>) => {
  try {
    readConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('readConfig aurait dû refuser ces réglages');
};

describe('the relay settings', () => {
  it('need only the client id, the secret and the site origin; GitHub and public_repo are the defaults', () => {
    expect(readConfig(MINIMAL)).toEqual({
      clientId: 'Iv1.abc',
      clientSecret: 'shh',
      allowedOrigins: ['https://owner.github.io'],
      scope: 'public_repo',
      githubBaseUrl: 'https://github.com',
    });
  });

  it('read several origins (commas or spaces, a trailing slash tolerated, duplicates dropped), repo scope and RELAY_URL', () => {
    const config = readConfig({
      ...MINIMAL,
      ALLOWED_ORIGINS:
        'https://owner.github.io/, https://guide.example.org  http://127.0.0.1:4321,https://owner.github.io',
      GITHUB_SCOPE: 'repo',
      RELAY_URL: 'https://auth.example.org/',
    });
    expect(config.allowedOrigins).toEqual([
      'https://owner.github.io',
      'https://guide.example.org',
      'http://127.0.0.1:4321',
    ]);
    expect(config.scope).toBe('repo');
    expect(config.relayUrl).toBe('https://auth.example.org');
  });

  it('name the missing or wrong variable in French', () => {
    expect(errorOf({ ...MINIMAL, GITHUB_CLIENT_SECRET: ' ' })).toBe(
      'La variable GITHUB_CLIENT_SECRET est obligatoire (voir services/cms-auth/README.md).',
    );
    expect(errorOf({ ...MINIMAL, ALLOWED_ORIGINS: undefined })).toBe(
      'La variable ALLOWED_ORIGINS est obligatoire (voir services/cms-auth/README.md).',
    );
    expect(errorOf({ ...MINIMAL, GITHUB_SCOPE: 'admin:org' })).toBe(
      'GITHUB_SCOPE vaut « admin:org » : valeurs possibles public_repo, repo.',
    );
    expect(errorOf({ ...MINIMAL, ALLOWED_ORIGINS: 'owner.github.io' })).toBe(
      'ALLOWED_ORIGINS n’est pas une adresse valide : « owner.github.io ».',
    );
    expect(errorOf({ ...MINIMAL, ALLOWED_ORIGINS: '*' })).toBe('ALLOWED_ORIGINS n’est pas une adresse valide : « * ».');
    expect(errorOf({ ...MINIMAL, RELAY_URL: 'https://example.org/relais' })).toBe(
      'RELAY_URL attend une origine, sans chemin : « https://example.org » et non « https://example.org/relais » ' +
        '(le relais répond à la racine de son adresse).',
    );
  });

  it('accept plain http only on this machine', () => {
    expect(errorOf({ ...MINIMAL, ALLOWED_ORIGINS: 'http://owner.github.io' })).toBe(
      'ALLOWED_ORIGINS doit être en https (http n’est accepté que pour 127.0.0.1 ou localhost) : « http://owner.github.io ».',
    );
    expect(errorOf({ ...MINIMAL, GITHUB_BASE_URL: 'http://github.example.org' })).toBe(
      'GITHUB_BASE_URL doit être en https (http n’est accepté que pour 127.0.0.1 ou localhost) : « http://github.example.org ».',
    );
    expect(readConfig({ ...MINIMAL, GITHUB_BASE_URL: 'http://127.0.0.1:9000/' }).githubBaseUrl).toBe(
      'http://127.0.0.1:9000',
    );
  });
});
