/**
 * The prize nomination form over real HTTP, against a stand-in Content Lake (the Studio
 * demo's API over an in-memory lake, behind a token): a valid nomination lands as a draft
 * with exactly the text sent; a bad one gets 400 with the Norwegian errors and nothing is
 * stored; a bot, a foreign origin, an oversized body and a flood are turned away; 200 sent
 * at once are stored exactly once each; with the lake down they wait in the outbox and
 * arrive once it is back, also across a restart; without Sanity they go to a local file.
 * The site is built once from the fixture export with the window open around now.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuildEnv, loadServiceConfig } from '../../src/service/config.ts';
import { startService, type Service } from '../../src/service/server.ts';
import { ROOT } from '../helpers/build-site.ts';
import {
  attr,
  buildNominationSite,
  findInHtml,
  openForm,
  submitForm,
  textOf,
  VALID_NOMINATION,
  writeNominationExport,
} from '../helpers/nomination-site.ts';
import { startNominationLake, type NominationLake } from '../helpers/nomination-lake.ts';
import { waitFor } from '../helpers/service.ts';

const WRITE_TOKEN = 'skTestWriteToken0123456789abcdefNominasjon';
const DAY = 24 * 60 * 60 * 1000;

let tmp: string;
let siteDir: string;
let buildOutput: string;
let lake: NominationLake;
const lines: string[] = [];
const services: Service[] = [];
/** Added to the service's clock: lets a test stand after the window or before a fill time. */
let clockOffset = 0;

/** Starts the service on the built site; `writeToken` sends nominations to the stand-in lake. */
async function startNominationService(options: {
  dir: string;
  writeToken?: string;
  rateLimit?: number;
  minFillSeconds?: number;
  extra?: Record<string, string>;
}): Promise<Service> {
  const env: Record<string, string> = {
    SITE_URL: 'https://pris.example',
    PORT: '0',
    SERVICE_STATE_DIR: path.join(options.dir, 'state'),
    SITE_DIR: siteDir,
    NOMINATION_DIR: path.join(options.dir, 'nominations'),
    NOMINATION_RATE_LIMIT: String(options.rateLimit ?? 10_000),
    NOMINATION_MIN_FILL_SECONDS: String(options.minFillSeconds ?? 1),
    NOMINATION_RETRY_MAX_SECONDS: '1',
    ...options.extra,
  };
  if (options.writeToken) {
    Object.assign(env, {
      SANITY_PROJECT_ID: 'test',
      SANITY_DATASET: 'production',
      SANITY_API_HOST: lake.origin,
      SANITY_API_READ_TOKEN: options.writeToken,
      SANITY_API_WRITE_TOKEN: options.writeToken,
      SANITY_API_TIMEOUT_MS: '2000',
    });
  }
  const service = await startService({
    config: loadServiceConfig(env, ROOT),
    buildEnv: getBuildEnv(env),
    secrets: [WRITE_TOKEN],
    log: (event, message) => lines.push(`${event}: ${message}`),
    buildOnStart: false,
    watch: false,
    now: () => Date.now() + clockOffset,
  });
  services.push(service);
  return service;
}

async function stopService(service: Service): Promise<void> {
  await service.close();
  services.splice(services.indexOf(service), 1);
}

/** The nominations in the lake, drafts included. */
async function getNominations(): Promise<Record<string, unknown>[]> {
  return (await lake.lake.query(
    '*[_type == "prizeNomination" && !(_id in ["drafts.nomination-fixture", "nomination-published"])]',
  )) as Record<string, unknown>[];
}

/** Waits the form's minimum fill time (1 s in these tests): a person is never this quick. */
const waitFillTime = () => new Promise((resolve) => setTimeout(resolve, 1100));

/** Opens forms, waits the fill time, and submits `values` with each. */
async function nominate(
  origin: string,
  values: Readonly<Record<string, string>> = VALID_NOMINATION,
  options: { headers?: Record<string, string> } = {},
) {
  const token = await openForm(origin);
  await waitFillTime();
  return submitForm(origin, values, { token, ...options });
}

/** The reference on a receipt page. */
function readReference(html: string): string {
  return textOf(findInHtml(html, (element) => attr(element, 'id') === 'nominasjon-referanse'));
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tanketanken-prize-'));
  const exportDir = path.join(tmp, 'export');
  const documents = await writeNominationExport(exportDir, {
    opens: new Date(Date.now() - DAY).toISOString(),
    closes: new Date(Date.now() + 30 * DAY).toISOString(),
  });
  siteDir = path.join(tmp, 'site');
  const built = await buildNominationSite(exportDir, siteDir);
  buildOutput = built.output;
  if (built.code !== 0) throw new Error(`The site did not build:\n${built.output}`);
  lake = await startNominationLake({ documents, token: WRITE_TOKEN });
});

afterAll(async () => {
  for (const service of [...services]) await service.close();
  await lake?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('the nomination form with the Content Lake', () => {
  let service: Service;
  beforeAll(async () => {
    service = await startNominationService({
      dir: path.join(tmp, 'lake'),
      writeToken: WRITE_TOKEN,
    });
  });

  it('builds without a word about the nominations in the dataset, and ships them nowhere', async () => {
    expect(buildOutput.split('\n').filter((line) => /nominat|prizeNomination/i.test(line))).toEqual(
      [],
    );
    const files = await fs.readdir(siteDir, { recursive: true });
    for (const file of files.filter((name) => /\.(html|xml|json|csv|ttl)$/.test(name))) {
      expect(await fs.readFile(path.join(siteDir, file), 'utf8')).not.toContain('aldri skal vises');
    }
  });

  it('serves the form with a fresh token, no script and no caching', async () => {
    const response = await fetch(`${service.origin}/innovasjonsprisen/meld-inn/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    const form = findInHtml(html, (element) => attr(element, 'id') === 'nominasjonsskjema');
    expect(attr(form, 'method')).toBe('post');
    const first = await openForm(service.origin);
    expect(first).not.toBe(await openForm(service.origin));
    // The static file has the field empty: only the service hands out tokens.
    const built = await fs.readFile(
      path.join(siteDir, 'innovasjonsprisen/meld-inn/index.html'),
      'utf8',
    );
    expect(
      attr(
        findInHtml(built, (element) => attr(element, 'name') === 'skjema'),
        'value',
      ),
    ).toBe('');
  });

  it('stores a valid nomination as a draft with exactly the text sent, before the receipt', async () => {
    const { status, body } = await nominate(service.origin);
    expect(status).toBe(200);
    const reference = readReference(body);
    expect(reference).toMatch(/^NOM-\d{4}-[0-9A-Z]{6}$/);
    // Answered after storing: the draft is there the moment the receipt arrives.
    const stored = (await getNominations()).find((doc) => doc['reference'] === reference);
    expect(stored).toMatchObject({
      _type: 'prizeNomination',
      title: VALID_NOMINATION['title'],
      need: VALID_NOMINATION['need'],
      achieved: VALID_NOMINATION['achieved'],
      category: 'arets-innovasjon',
      serviceArea: { _type: 'reference', _ref: 'area-helse' },
      nominator: {
        name: VALID_NOMINATION['name'],
        email: VALID_NOMINATION['email'],
        unit: VALID_NOMINATION['unit'],
      },
      consent: true,
      year: new Date(Date.now() + 30 * DAY).getUTCFullYear(),
    });
    expect(String(stored?.['_id'])).toMatch(/^drafts\.nomination-[0-9a-f]{24}$/);
    expect(Date.parse(String(stored?.['receivedAt']))).toBeGreaterThan(Date.now() - 60_000);
    // A draft: the published perspective does not see it.
    const published = await lake.lake.query(
      '*[_type == "prizeNomination" && reference == $reference]',
      { reference },
      'published',
    );
    expect(published).toEqual([]);
  });

  it('stores the same form sent twice once, with the same reference', async () => {
    const token = await openForm(service.origin);
    await waitFillTime();
    const before = (await getNominations()).length;
    const [first, second] = await Promise.all([
      submitForm(service.origin, VALID_NOMINATION, { token }),
      submitForm(service.origin, VALID_NOMINATION, { token }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(readReference(first.body)).toBe(readReference(second.body));
    expect((await getNominations()).length).toBe(before + 1);
  });

  it('answers a bad nomination with 400, the Norwegian errors linked to the fields, the text kept, and stores nothing', async () => {
    const before = (await getNominations()).length;
    const bad = {
      ...VALID_NOMINATION,
      title: '',
      need: 'For kort',
      email: 'ikke-en-adresse',
      serviceArea: 'area-finnes-ikke',
      category: 'beste-pris',
      unit: 'x'.repeat(121),
      consent: '',
    };
    const { status, body } = await nominate(service.origin, bad);
    expect(status).toBe(400);
    const summary = findInHtml(body, (element) => attr(element, 'id') === 'feiloppsummering');
    expect(attr(summary, 'tabindex')).toBe('-1');
    const links = [] as { href: string | undefined; text: string }[];
    const collect = (node: typeof summary) => {
      for (const child of node?.childNodes ?? []) {
        if ('tagName' in child) {
          if (child.tagName === 'a') links.push({ href: attr(child, 'href'), text: textOf(child) });
          collect(child);
        }
      }
    };
    collect(summary);
    expect(links.map((link) => link.href)).toEqual([
      '#nominasjon-tittel',
      '#nominasjon-behov',
      '#nominasjon-tjenesteomrade',
      '#nominasjon-kategori',
      '#nominasjon-epost',
      '#nominasjon-enhet',
    ]);
    expect(links.map((link) => link.text).join(' ')).toMatch(
      /Skriv navnet på initiativet\..*minst 20 tegn.*Velg et tjenesteområde.*Velg en av kategoriene.*gyldig e-postadresse.*høyst 120 tegn \(du skrev 121\)/,
    );
    const email = findInHtml(body, (element) => attr(element, 'id') === 'nominasjon-epost');
    expect(attr(email, 'aria-invalid')).toBe('true');
    expect(attr(email, 'aria-describedby')).toBe('nominasjon-epost-feil');
    expect(attr(email, 'value')).toBe('ikke-en-adresse');
    // What was typed comes back as text, `<script>` and quotes included, never as markup.
    expect(
      attr(
        findInHtml(body, (element) => attr(element, 'id') === 'nominasjon-tittel'),
        'value',
      ),
    ).toBe('');
    const achieved = findInHtml(body, (element) => attr(element, 'id') === 'nominasjon-resultat');
    expect(textOf(achieved)).toBe(VALID_NOMINATION['achieved']);
    const name = findInHtml(body, (element) => attr(element, 'id') === 'nominasjon-navn');
    expect(attr(name, 'value')).toBe(VALID_NOMINATION['name']);
    expect(attr(name, 'aria-invalid')).toBeUndefined();
    expect(body.match(/<script/g)?.length).toBe(1);
    expect(textOf(findInHtml(body, (element) => element.tagName === 'title'))).toMatch(
      /^Feil i skjemaet: /,
    );
    expect((await getNominations()).length).toBe(before);
  });

  it('takes the corrected form sent again from the error page', async () => {
    const token = await openForm(service.origin);
    await waitFillTime();
    const first = await submitForm(
      service.origin,
      { ...VALID_NOMINATION, achieved: 'For kort' },
      { token },
    );
    expect(first.status).toBe(400);
    // The error page carries the form's token, as a browser would send it back.
    const again = attr(
      findInHtml(
        first.body,
        (element) => element.tagName === 'input' && attr(element, 'name') === 'skjema',
      ),
      'value',
    );
    expect(again).toBe(token);
    const second = await submitForm(service.origin, VALID_NOMINATION, { token: again ?? '' });
    expect(second.status).toBe(200);
    expect(readReference(second.body)).toMatch(/^NOM-/);
  });

  it('keeps script-like text in a field with errors as text', async () => {
    const { status, body } = await nominate(service.origin, { ...VALID_NOMINATION, email: '' });
    expect(status).toBe(400);
    const title = findInHtml(body, (element) => attr(element, 'id') === 'nominasjon-tittel');
    expect(attr(title, 'value')).toBe(VALID_NOMINATION['title']);
    expect(body).not.toContain('<script>alert');
  });

  it('turns away a bot: the hidden field filled, a form sent at once, a forged or missing token', async () => {
    const before = (await getNominations()).length;
    const honeypot = await nominate(service.origin, {
      ...VALID_NOMINATION,
      nettsted: 'https://spam.example',
    });
    expect(honeypot.status).toBe(403);
    const token = await openForm(service.origin);
    clockOffset = -60_000;
    try {
      const fast = await submitForm(service.origin, VALID_NOMINATION, { token });
      expect(fast.status).toBe(403);
      expect(fast.body).toMatch(/raskere enn noen rekker/);
    } finally {
      clockOffset = 0;
    }
    const forged = await submitForm(service.origin, VALID_NOMINATION, {
      token: token.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')),
    });
    expect(forged.status).toBe(403);
    const missing = await submitForm(service.origin, VALID_NOMINATION);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatch(/Last skjemaet på nytt/);
    expect((await getNominations()).length).toBe(before);
  });

  it('turns away a foreign origin, a missing one and a body over the limit', async () => {
    const before = (await getNominations()).length;
    const foreign = await nominate(service.origin, VALID_NOMINATION, {
      headers: { origin: 'https://angriper.example' },
    });
    expect(foreign.status).toBe(403);
    const token = await openForm(service.origin);
    await waitFillTime();
    const none = await fetch(`${service.origin}/innovasjonsprisen/meld-inn/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...VALID_NOMINATION, skjema: token }),
    });
    expect(none.status).toBe(403);
    const fromReferer = await submitForm(service.origin, VALID_NOMINATION, {
      token,
      headers: { origin: 'null', referer: 'https://pris.example/innovasjonsprisen/meld-inn/' },
    });
    expect(fromReferer.status).toBe(403);
    const huge = await submitForm(
      service.origin,
      { ...VALID_NOMINATION, need: 'æ'.repeat(40_000) },
      { token },
    );
    expect(huge.status).toBe(413);
    expect(huge.body).toMatch(/for stor/);
    const json = await fetch(`${service.origin}/innovasjonsprisen/meld-inn/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: service.origin },
      body: JSON.stringify(VALID_NOMINATION),
    });
    expect(json.status).toBe(415);
    expect((await getNominations()).length).toBe(before);
  });

  it('refuses nominations outside the window with the closed page', async () => {
    const token = await openForm(service.origin);
    clockOffset = 60 * DAY;
    try {
      const late = await submitForm(service.origin, VALID_NOMINATION, { token });
      expect(late.status).toBe(403);
      expect(textOf(findInHtml(late.body, (element) => element.tagName === 'h1'))).toBe(
        'Nominasjonen er stengt',
      );
    } finally {
      clockOffset = 0;
    }
  });

  it('stores 200 nominations sent at once exactly once each', async () => {
    const before = await getNominations();
    const tokens = await Promise.all(Array.from({ length: 200 }, () => openForm(service.origin)));
    await waitFillTime();
    const answers = await Promise.all(
      tokens.map((token, index) =>
        submitForm(
          service.origin,
          { ...VALID_NOMINATION, title: `Initiativ nummer ${index}` },
          { token },
        ),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(tokens.map(() => 200));
    const references = answers.map((answer) => readReference(answer.body));
    expect(new Set(references).size).toBe(200);
    // Under load a delivery can time out after the lake took it: the retry must not add a second.
    const after = await waitFor(
      'all 200 in the lake',
      async () => {
        const docs = await getNominations();
        return docs.length >= before.length + 200 ? docs : undefined;
      },
      120_000,
    );
    await waitFor(
      'the outbox to empty',
      async () =>
        (await fs.readdir(path.join(tmp, 'lake', 'nominations', 'outbox'))).some((name) =>
          name.endsWith('.json'),
        )
          ? undefined
          : true,
      60_000,
    );
    expect((await getNominations()).length).toBe(before.length + 200);
    const titles = after
      .map((doc) => doc['title'])
      .filter((title) => String(title).startsWith('Initiativ nummer'));
    expect(new Set(titles).size).toBe(200);
    expect(titles.length).toBe(200);
  });

  it('keeps nominations in the outbox while the lake is down and delivers them once it is back, across a restart', async () => {
    const dir = path.join(tmp, 'outage');
    let outage = await startNominationService({ dir, writeToken: WRITE_TOKEN });
    const before = (await getNominations()).length;
    lake.down();
    const answers = [];
    try {
      for (let index = 0; index < 3; index++) {
        answers.push(
          await nominate(outage.origin, {
            ...VALID_NOMINATION,
            title: `Mens sjøen var nede ${index}`,
          }),
        );
      }
    } finally {
      // The receipts came while the lake was unreachable: accepted means kept on disk.
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const outbox = path.join(dir, 'nominations', 'outbox');
    expect((await fs.readdir(outbox)).filter((name) => name.endsWith('.json'))).toHaveLength(3);
    await stopService(outage);
    lake.up();
    expect((await getNominations()).length).toBe(before);
    outage = await startNominationService({ dir, writeToken: WRITE_TOKEN });
    await waitFor(
      'the outbox to be delivered after the restart',
      async () => ((await getNominations()).length === before + 3 ? true : undefined),
      60_000,
    );
    expect((await fs.readdir(outbox)).filter((name) => name.endsWith('.json'))).toHaveLength(0);
    const references = answers.map((answer) => readReference(answer.body));
    const stored = (await getNominations()).map((doc) => doc['reference']);
    for (const reference of references)
      expect(stored.filter((item) => item === reference)).toHaveLength(1);

    // Down again without a restart: retried with backoff, delivered once, not twice.
    lake.down();
    const waiting = await nominate(outage.origin, {
      ...VALID_NOMINATION,
      title: 'Ventet i utboksen',
    });
    expect(waiting.status).toBe(200);
    lake.up();
    await waitFor(
      'the retry to deliver',
      async () =>
        (await getNominations()).some((doc) => doc['title'] === 'Ventet i utboksen')
          ? true
          : undefined,
      60_000,
    );
    await waitFor(
      'the outbox to empty',
      async () =>
        (await fs.readdir(outbox)).some((name) => name.endsWith('.json')) ? undefined : true,
      60_000,
    );
    expect(
      (await getNominations()).filter((doc) => doc['title'] === 'Ventet i utboksen'),
    ).toHaveLength(1);
    await stopService(outage);
  });

  it('never shows the write token in a response or a log line', async () => {
    const pages = await Promise.all([
      fetch(`${service.origin}/innovasjonsprisen/meld-inn/`).then((response) => response.text()),
      fetch(`${service.origin}/api/status`).then((response) => response.text()),
    ]);
    for (const page of pages) expect(page).not.toContain(WRITE_TOKEN);
    expect(lines.join('\n')).not.toContain(WRITE_TOKEN);
    expect(lines.some((line) => line.startsWith('nomination-waiting: '))).toBe(true);
    expect(lines.join('\n')).not.toContain(VALID_NOMINATION['email']);
  });
});

describe('the nomination form without Sanity', () => {
  let service: Service;
  const dir = () => path.join(tmp, 'local');
  beforeAll(async () => {
    service = await startNominationService({ dir: dir(), rateLimit: 3 });
  });

  it('appends each nomination once to the local file', async () => {
    const token = await openForm(service.origin);
    await waitFillTime();
    const first = await submitForm(service.origin, VALID_NOMINATION, { token });
    const again = await submitForm(service.origin, VALID_NOMINATION, { token });
    expect([first.status, again.status]).toEqual([200, 200]);
    const text = await fs.readFile(path.join(dir(), 'nominations', 'nominations.ndjson'), 'utf8');
    const docs = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      title: VALID_NOMINATION['title'],
      reference: readReference(first.body),
    });
  });

  it('answers a flood from one address with 429 and Retry-After, whatever it puts in X-Forwarded-For', async () => {
    // Behind a proxy (SITE_URL is https) the proxy appends the address it saw; what the
    // client wrote before it is not believed. The limit is 3 per address.
    const viaProxy = (spoofed: string) => ({ 'x-forwarded-for': `${spoofed}, 198.51.100.9` });
    for (const spoofed of ['203.0.113.1', '203.0.113.2', '198.51.100.9']) {
      const allowed = await nominate(service.origin, VALID_NOMINATION, {
        headers: viaProxy(spoofed),
      });
      expect(allowed.status).toBe(200);
    }
    const token = await openForm(service.origin);
    await waitFillTime();
    const flood = await submitForm(service.origin, VALID_NOMINATION, {
      token,
      headers: viaProxy('203.0.113.7'),
    });
    expect(flood.status).toBe(429);
    expect(Number(flood.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(flood.body).toMatch(/mange nominasjoner/);
    // Another address behind the same proxy is not held back by the first one's flood.
    const other = await nominate(service.origin, VALID_NOMINATION, {
      headers: { 'x-forwarded-for': '192.0.2.44' },
    });
    expect(other.status).toBe(200);
    const lines = (await fs.readFile(path.join(dir(), 'nominations', 'nominations.ndjson'), 'utf8'))
      .trim()
      .split('\n');
    expect(lines).toHaveLength(1 + 3 + 1);
  });
});
