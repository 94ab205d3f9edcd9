/**
 * The nomination form's pure parts: its configuration (every variable tried wrong), the
 * field checks and their Norwegian messages, the window against a clock, the shared
 * window rule, the signed token, the ids, the origin check, the rate limiter and the
 * scheduler's window edges over a real export read by groq-js.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNominationWindow } from '../../content-schemas/validation.ts';
import { loadConfig } from '../../src/config.ts';
import { loadSiteContent } from '../../src/sanity/content.ts';
import { createLocalEngine } from '../../src/sanity/query/local-engine.ts';
import { getBuildEnv, loadServiceConfig } from '../../src/service/config.ts';
import { checkNomination } from '../../src/service/nomination-form.ts';
import { NominationPage } from '../../src/service/nomination-page.ts';
import {
  createFormToken,
  FORM_MAX_AGE_MS,
  readFormToken,
} from '../../src/service/nomination-token.ts';
import {
  formatOsloDateTime,
  getNominationYear,
  getWindowState,
} from '../../src/service/nomination-window.ts';
import { isSameOrigin, RateLimiter, toNominationIds } from '../../src/service/nomination.ts';
import { probeContent } from '../../src/service/scheduler.ts';
import { attr, findInHtml, textOf } from '../helpers/nomination-site.ts';

const REMOTE = { SANITY_PROJECT_ID: 'abc123', SANITY_DATASET: 'production' };
const KEY = Buffer.alloc(32, 7);

const VALUES: Record<string, string> = {
  title: 'Digitalt nattilsyn',
  need: 'Nattevakter måtte vekke beboere for å se til dem.',
  achieved: 'Beboerne sover bedre, og ansatte rekker mer.',
  serviceArea: 'area-helse',
  category: 'beste-feil',
  name: 'Kari',
  email: 'kari@kommune.example',
  unit: 'Hjemmetjenesten',
  consent: 'ja',
};

describe('the nomination configuration', () => {
  it('keeps nominations in a local file under nominations/ by default', () => {
    const { nomination } = loadServiceConfig({}, '/site');
    expect(nomination).toEqual({
      writeToken: undefined,
      dir: '/site/nominations',
      rateLimit: 20,
      rateWindowMs: 600_000,
      minFillMs: 3000,
      retryMaxMs: 300_000,
    });
  });

  it('keeps them beside the releases when SERVICE_STATE_DIR names a place (Docker’s volume)', () => {
    const config = loadServiceConfig({ SERVICE_STATE_DIR: '/app/state' }, '/site');
    expect(config.nomination.dir).toBe('/app/state/nominations');
  });

  it('reads the write token and the folder, and keeps the token out of the build', () => {
    const env = { ...REMOTE, SANITY_API_WRITE_TOKEN: 'skWrite.token-1', NOMINATION_DIR: 'var/nom' };
    const config = loadServiceConfig(env, '/site');
    expect(config.nomination.writeToken).toBe('skWrite.token-1');
    expect(config.nomination.dir).toBe('/site/var/nom');
    expect(getBuildEnv(env)).not.toHaveProperty('SANITY_API_WRITE_TOKEN');
    // The build's own configuration never reads it.
    expect(JSON.stringify(loadConfig(env, '/site'))).not.toContain('skWrite');
  });

  it.each([
    [
      { SANITY_API_WRITE_TOKEN: 'skToken' },
      /SANITY_API_WRITE_TOKEN: is set but SANITY_PROJECT_ID is not/,
    ],
    [
      { ...REMOTE, SANITY_API_WRITE_TOKEN: 'sk token with spaces' },
      /SANITY_API_WRITE_TOKEN: is not a Sanity API token/,
    ],
    [{ NOMINATION_RATE_LIMIT: '0' }, /NOMINATION_RATE_LIMIT: "0" is not a whole number from 1/],
    [{ NOMINATION_RATE_LIMIT: 'many' }, /NOMINATION_RATE_LIMIT/],
    [{ NOMINATION_MIN_FILL_SECONDS: '-1' }, /NOMINATION_MIN_FILL_SECONDS/],
    [{ NOMINATION_MIN_FILL_SECONDS: '2.5' }, /NOMINATION_MIN_FILL_SECONDS/],
    [{ NOMINATION_RETRY_MAX_SECONDS: '0' }, /NOMINATION_RETRY_MAX_SECONDS/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadServiceConfig(env, '/site')).toThrow(message);
  });

  it('never shows the token in an error', () => {
    const token = 'sk secret value';
    expect(() => loadServiceConfig({ ...REMOTE, SANITY_API_WRITE_TOKEN: token }, '/site')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret value') as unknown }),
    );
  });
});

describe('checkNomination', () => {
  const areas = new Set(['area-helse']);
  const check = (changes: Record<string, string>) =>
    checkNomination(new Map(Object.entries({ ...VALUES, ...changes })), areas);

  it('accepts a whole nomination, trimmed at the ends, and reads the consent box', () => {
    const result = check({ title: '  Digitalt nattilsyn \n' });
    expect(result).toEqual({ ok: true, nomination: { ...VALUES, consent: true } });
    expect(check({ consent: '' })).toMatchObject({ nomination: { consent: false } });
  });

  it('keeps Norwegian letters, quotes and markup exactly as typed', () => {
    const title = 'Æ, ø & å: «<script>alert("x")</script>»';
    expect(check({ title })).toMatchObject({ ok: true, nomination: { title } });
  });

  it.each([
    [{ title: '' }, 'title', 'Skriv navnet på initiativet.'],
    [
      { title: 'x'.repeat(121) },
      'title',
      'Navn på initiativet kan ha høyst 120 tegn (du skrev 121). Kort ned teksten.',
    ],
    [{ need: 'Kort' }, 'need', /minst 20 tegn/],
    [{ achieved: 'a\u0007'.repeat(20) }, 'achieved', /tegn som ikke kan lagres/],
    [{ serviceArea: 'area-ukjent' }, 'serviceArea', 'Velg et tjenesteområde fra listen.'],
    [
      { category: 'beste-pris' },
      'category',
      /Velg en av kategoriene «Årets innovasjon», «Stjæl med stil», «Beste feil»/,
    ],
    [{ email: 'kari@kommune' }, 'email', /gyldig e-postadresse/],
    [{ email: 'kari @kommune.no' }, 'email', /gyldig e-postadresse/],
    [{ unit: ' ' }, 'unit', 'Skriv hvilken enhet du jobber i.'],
  ])('refuses %o on %s', (changes, field, message) => {
    const result = check(changes);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.message).toMatch(message);
  });

  it('lists every problem in the order of the form', () => {
    const result = checkNomination(new Map(), areas);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual([
      'title',
      'need',
      'achieved',
      'serviceArea',
      'category',
      'name',
      'email',
      'unit',
    ]);
  });
});

describe('the nomination window', () => {
  const window = { opens: '2027-01-11T07:00:00Z', closes: '2027-02-28T22:59:00Z' };

  it('is upcoming, open and over at the right moments, the edges included', () => {
    expect(getWindowState(window, new Date('2027-01-11T06:59:59Z')).kind).toBe('upcoming');
    expect(getWindowState(window, new Date('2027-01-11T07:00:00Z')).kind).toBe('open');
    expect(getWindowState(window, new Date('2027-02-28T22:58:59Z')).kind).toBe('open');
    expect(getWindowState(window, new Date('2027-02-28T22:59:00Z')).kind).toBe('over');
    expect(getWindowState(undefined, new Date()).kind).toBe('unset');
    expect(getWindowState({ opens: 'snart', closes: window.closes }, new Date()).kind).toBe(
      'unset',
    );
  });

  it('speaks Norwegian time, summer and winter, and counts for the year it closes in', () => {
    expect(formatOsloDateTime('2027-01-11T07:00:00Z')).toBe('11. januar 2027 kl. 08:00');
    expect(formatOsloDateTime('2027-06-01T07:00:00Z')).toBe('1. juni 2027 kl. 09:00');
    expect(
      getNominationYear({ opens: '2026-11-01T00:00:00Z', closes: '2026-12-31T23:30:00Z' }),
    ).toBe(2027);
  });

  it.each([
    [undefined, undefined],
    [{}, undefined],
    [window, undefined],
    [{ opens: window.opens }, 'Velg når nominasjonsperioden stenger.'],
    [{ closes: window.closes }, 'Velg når nominasjonsperioden åpner.'],
    [{ opens: window.closes, closes: window.opens }, /må stenge etter at den åpner/],
    [{ opens: window.opens, closes: window.opens }, /må stenge etter at den åpner/],
    [{ opens: 'i morgen', closes: window.closes }, /er ikke et tidspunkt/],
  ])('the shared rule says %o → %s', (value, expected) => {
    const problem = checkNominationWindow(value);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('the form token, ids, origin and rate limit', () => {
  it('accepts its own token after the fill time and refuses the rest, saying why', () => {
    const token = createFormToken(KEY, 1_000_000);
    const read = (now: number, minFillMs = 3000) => readFormToken(token, KEY, { now, minFillMs });
    expect(read(1_003_000)).toMatchObject({ ok: true });
    expect(read(1_002_999)).toEqual({ ok: false, refusal: 'too-fast' });
    expect(read(1_000_000 + FORM_MAX_AGE_MS + 1)).toEqual({ ok: false, refusal: 'expired' });
    expect(readFormToken(token, Buffer.alloc(32, 8), { now: 1_003_000, minFillMs: 0 })).toEqual({
      ok: false,
      refusal: 'forged',
    });
    expect(
      readFormToken(token.replace(/^\d+/, '999999'), KEY, { now: 1_003_000, minFillMs: 0 }),
    ).toEqual({ ok: false, refusal: 'forged' });
    expect(readFormToken('', KEY, { now: 0, minFillMs: 0 })).toEqual({
      ok: false,
      refusal: 'missing',
    });
    expect(readFormToken('<script>', KEY, { now: 0, minFillMs: 0 })).toEqual({
      ok: false,
      refusal: 'forged',
    });
  });

  it('derives the same id and reference from the same form, and others from others', () => {
    const a = toNominationIds('nonce-a', 2027);
    expect(toNominationIds('nonce-a', 2027)).toEqual(a);
    expect(a.id).toMatch(/^nomination-[0-9a-f]{24}$/);
    expect(a.reference).toMatch(/^NOM-2027-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(toNominationIds('nonce-b', 2027).id).not.toBe(a.id);
  });

  it('takes a POST only from the site or the service itself', () => {
    const allowed = ['https://pris.example', 'http://127.0.0.1:4321'];
    expect(isSameOrigin({ origin: 'https://pris.example' }, allowed)).toBe(true);
    expect(
      isSameOrigin({ referer: 'http://127.0.0.1:4321/innovasjonsprisen/meld-inn/' }, allowed),
    ).toBe(true);
    expect(isSameOrigin({ origin: 'https://pris.example.angriper.example' }, allowed)).toBe(false);
    expect(isSameOrigin({ origin: 'null', referer: 'https://pris.example/' }, allowed)).toBe(false);
    expect(isSameOrigin({ origin: 'ikke en adresse' }, allowed)).toBe(false);
    expect(isSameOrigin({}, allowed)).toBe(false);
  });

  it('limits each address on its own and lets it in again when its window has passed', () => {
    const limiter = new RateLimiter(2, 60_000);
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 10_000).ok).toBe(true);
    expect(limiter.take('a', 20_000)).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(limiter.take('b', 20_000).ok).toBe(true);
    expect(limiter.take('a', 60_001).ok).toBe(true);
  });
});

describe('the service page with errors', () => {
  it('escapes what was typed wherever it goes back into the page', () => {
    const html = `<!doctype html><html lang="nb"><head><title>Skjema</title></head><body>
      <form id="nominasjonsskjema"><label for="nominasjon-tittel">Navn</label>
      <input id="nominasjon-tittel" name="title">
      <textarea id="nominasjon-behov" name="need"></textarea></form></body></html>`;
    const typed = '"><script>alert(1)</script></textarea>&amp;';
    const out = new NominationPage(html)
      .showErrors(
        new Map([
          ['title', typed],
          ['need', typed],
        ]),
        [{ field: 'title', message: `Feil ${typed}` }],
      )
      .toHtml();
    expect(out).not.toContain('<script>');
    expect(out).toContain(
      'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/textarea&gt;&amp;amp;"',
    );
    // Read back by a parser, the page holds exactly what was typed, as text.
    const input = findInHtml(out, (element) => attr(element, 'id') === 'nominasjon-tittel');
    expect(attr(input, 'value')).toBe(typed);
    const textarea = findInHtml(out, (element) => attr(element, 'id') === 'nominasjon-behov');
    expect(textOf(textarea)).toBe(typed);
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('<title>Feil i skjemaet: Skjema</title>');
  });
});

describe('the scheduler and the nomination window', () => {
  it('wakes at the window opening, then at its closing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-window-'));
    try {
      const file = path.join(dir, 'data.ndjson');
      const settings = {
        _id: 'siteSettings',
        _type: 'siteSettings',
        title: 'Test',
        nominationWindow: { opens: '2031-01-10T08:00:00Z', closes: '2031-02-01T08:00:00Z' },
      };
      await fs.writeFile(file, `${JSON.stringify(settings)}\n`);
      const config = loadConfig({ LOCAL_DATASET: file }, dir);
      const before = await probeContent(config, {
        cwd: dir,
        now: new Date('2030-12-01T00:00:00Z'),
      });
      expect(before.nextScheduledAt).toBe('2031-01-10T08:00:00.000Z');
      const during = await probeContent(config, {
        cwd: dir,
        now: new Date('2031-01-10T08:00:01Z'),
      });
      expect(during.nextScheduledAt).toBe('2031-02-01T08:00:00.000Z');
      const after = await probeContent(config, { cwd: dir, now: new Date('2031-02-02T00:00:00Z') });
      expect(after.nextScheduledAt).toBeUndefined();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the build and the nomination window', () => {
  const load = (nominationWindow: unknown) =>
    loadSiteContent(
      createLocalEngine(
        [
          { _id: 'siteSettings', _type: 'siteSettings', title: 'Test', nominationWindow },
          { _id: 'drafts.nomination-a', _type: 'prizeNomination', title: 'Utkast' },
          { _id: 'nomination-b', _type: 'prizeNomination', title: 'Publisert' },
        ],
        'window',
      ),
      { now: new Date('2027-01-01T00:00:00Z'), cdn: undefined },
    );

  it('passes a good window on to the pages and says nothing about nominations', async () => {
    const window = { opens: '2027-01-11T07:00:00Z', closes: '2027-02-28T22:59:00Z' };
    const content = await load(window);
    expect(content.siteSettings.nominationWindow).toEqual(window);
    expect(content.problems).toEqual([]);
  });

  it('drops a window that closes before it opens, with the Studio’s words and the field', async () => {
    const content = await load({ opens: '2027-02-28T22:59:00Z', closes: '2027-01-11T07:00:00Z' });
    expect(content.siteSettings.nominationWindow).toBeUndefined();
    expect(content.problems).toEqual([
      expect.objectContaining({
        id: 'siteSettings',
        field: 'nominationWindow',
        reason: expect.stringMatching(
          /må stenge etter at den åpner.*The form stays closed\./,
        ) as unknown,
      }),
    ]);
  });
});
