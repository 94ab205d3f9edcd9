/**
 * The prize nomination form's service side (`/innovasjonsprisen/meld-inn/`): serves the
 * built form with a fresh signed token, and takes its POST — body size capped (413), the
 * origin checked (403), bots (the hidden field, a form sent faster than a person can fill
 * it) and floods (429 with Retry-After, per address) turned away, the window of the live
 * release enforced (403 with the closed page), every field checked (400 with the page, the
 * values kept and the errors listed), and the nomination stored before the receipt is
 * sent. See README («Juryen og nominasjoner») and docs/operations.md.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NOMINATION_ROUTES } from '../../content-schemas/routes.ts';
import type { ServiceConfig } from './config.ts';
import { NO_STORE } from './headers.ts';
import {
  checkNomination,
  HONEYPOT_FIELD,
  TOKEN_FIELD,
  type FormValues,
} from './nomination-form.ts';
import { NominationPage } from './nomination-page.ts';
import {
  FileNominationStore,
  LakeNominationStore,
  type NominationDocument,
  type NominationStore,
} from './nomination-store.ts';
import { createFormToken, loadFormKey, readFormToken } from './nomination-token.ts';
import { getNominationYear, getWindowState } from './nomination-window.ts';
import type { LogEvent, Publisher } from './publisher.ts';

/** The largest form body: two long texts of Norwegian letters, each sent as `%C3%A6`. */
export const MAX_NOMINATION_BODY_BYTES = 64 * 1024;

/** Counts each address's nominations in a sliding window. */
export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #hits = new Map<string, number[]>();

  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  /** Counts one attempt from `key` at `now`; the seconds to wait when over the limit. */
  take(key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const recent = (this.#hits.get(key) ?? []).filter((at) => at > now - this.#windowMs);
    if (recent.length >= this.#max) {
      this.#hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.#windowMs - now) / 1000)),
      };
    }
    recent.push(now);
    this.#hits.set(key, recent);
    // Addresses that went quiet are forgotten, so the map cannot grow without bound.
    if (this.#hits.size > 10_000) {
      for (const [address, times] of this.#hits) {
        if (!times.some((at) => at > now - this.#windowMs)) this.#hits.delete(address);
      }
    }
    return { ok: true };
  }
}

/** Whether the request comes from a page of the site: `Origin` (or `Referer`) is the site's or the service's own. */
export function isSameOrigin(
  headers: { origin?: string | undefined; referer?: string | undefined },
  allowed: readonly string[],
): boolean {
  const from = headers.origin ?? headers.referer;
  if (!from || from === 'null') return false;
  try {
    return allowed.includes(new URL(from).origin);
  } catch {
    return false;
  }
}

/** The nomination's id and receipt reference, both from the form's nonce: one form, one nomination. */
export function toNominationIds(nonce: string, year: number): { id: string; reference: string } {
  const digest = createHash('sha256').update(nonce).digest();
  // Crockford's base32 without I, L, O and U: a reference read aloud over the phone survives.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const code = [...digest.subarray(0, 6)].map((byte) => alphabet[byte % 32]).join('');
  return {
    id: `nomination-${digest.toString('hex').slice(0, 24)}`,
    reference: `NOM-${year}-${code}`,
  };
}

/** The store the configuration asks for: the lake with a write token, the local file without. */
function createStore(config: ServiceConfig, log: LogEvent): NominationStore {
  const { source } = config.site;
  const { writeToken, dir, retryMaxMs } = config.nomination;
  if (source.kind === 'remote' && writeToken !== undefined) {
    return new LakeNominationStore({ dir, target: { source, token: writeToken }, log, retryMaxMs });
  }
  return new FileNominationStore(dir);
}

/** Registers the form's routes; returns the store, to stop with the service. */
export async function registerNominationRoutes(
  app: FastifyInstance,
  options: { config: ServiceConfig; publisher: Publisher; log: LogEvent; now: () => number },
): Promise<NominationStore> {
  const { config, publisher, log, now } = options;
  const key = await loadFormKey(config.nomination.dir);
  const store = createStore(config, log);
  await store.start();
  log('nominations', store.describe());
  const limiter = new RateLimiter(config.nomination.rateLimit, config.nomination.rateWindowMs);
  const siteOrigin = new URL(config.site.siteUrl).origin;

  /** Reads one built page of the live release, or undefined when there is none. */
  const readPage = async (route: string): Promise<NominationPage | undefined> => {
    const live = publisher.live;
    if (!live) return undefined;
    const file = path.join(live.dir, route, 'index.html');
    const html = await fs.readFile(file, 'utf8').catch(() => undefined);
    return html === undefined ? undefined : new NominationPage(html);
  };

  const sendHtml = (reply: FastifyReply, status: number, page: NominationPage) =>
    reply
      .code(status)
      .header('Cache-Control', NO_STORE)
      .type('text/html; charset=utf-8')
      .send(page.toHtml());

  const sendText = (reply: FastifyReply, status: number, text: string) =>
    reply
      .code(status)
      .header('Cache-Control', NO_STORE)
      .type('text/plain; charset=utf-8')
      .send(text);

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    why: string,
    text: string,
  ) => {
    log('refused', `POST ${NOMINATION_ROUTES.form} from ${request.ip}: ${status} ${why}`);
    return sendText(reply, status, text);
  };

  app.get(NOMINATION_ROUTES.form, async (_request, reply) => {
    const page = await readPage(NOMINATION_ROUTES.form);
    if (!page) return sendText(reply, 503, 'Nettstedet bygges; prøv igjen om et minutt.');
    return sendHtml(reply, 200, page.setToken(createFormToken(key, now())));
  });

  await app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_NOMINATION_BODY_BYTES },
      (_request, body, parsed) => {
        const values = new Map<string, string>();
        for (const [name, value] of new URLSearchParams(String(body))) {
          if (!values.has(name)) values.set(name, value);
        }
        parsed(null, values);
      },
    );
    scope.setErrorHandler((error, request, reply) => {
      const code = error instanceof Error && 'code' in error ? error.code : undefined;
      if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return refuse(
          request,
          reply,
          413,
          `the body is over ${MAX_NOMINATION_BODY_BYTES} bytes`,
          'Nominasjonen er for stor til å tas imot. Kort ned tekstene og send den igjen.',
        );
      }
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return refuse(
          request,
          reply,
          415,
          'not a form body',
          'Nominasjonen må sendes med skjemaet på nettstedet.',
        );
      }
      log(
        'error',
        `POST ${NOMINATION_ROUTES.form}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return sendText(
        reply,
        500,
        'Nominasjonen ble ikke lagret på grunn av en feil hos oss. Gå tilbake og send den på nytt om litt.',
      );
    });

    scope.post(
      NOMINATION_ROUTES.form,
      { bodyLimit: MAX_NOMINATION_BODY_BYTES },
      async (request, reply) => {
        const at = now();
        const limited = limiter.take(request.ip, at);
        if (!limited.ok) {
          reply.header('Retry-After', String(limited.retryAfterSeconds));
          return refuse(
            request,
            reply,
            429,
            'too many nominations from this address',
            `Det er sendt mange nominasjoner fra denne adressen på kort tid. Vent ${Math.ceil(limited.retryAfterSeconds / 60)} minutt(er) og prøv igjen.`,
          );
        }
        const body: unknown = request.body;
        // A JSON body parses too (the root's parser); only the form's own encoding is taken.
        if (!(body instanceof Map)) {
          return refuse(
            request,
            reply,
            415,
            'not a form body',
            'Nominasjonen må sendes med skjemaet på nettstedet.',
          );
        }
        const own = `${request.protocol}://${request.host}`;
        const { origin, referer } = request.headers;
        if (!isSameOrigin({ origin, referer }, [siteOrigin, own])) {
          return refuse(
            request,
            reply,
            403,
            `the origin ${JSON.stringify(origin ?? referer ?? '(none)')} is not the site's`,
            'Nominasjonen må sendes fra skjemaet på nettstedet.',
          );
        }
        const page = await readPage(NOMINATION_ROUTES.form);
        if (!page) return sendText(reply, 503, 'Nettstedet bygges; prøv igjen om et minutt.');
        const info = page.getInfo();
        const state = getWindowState(info.window, new Date(at));
        // A live page without the form was built before the window opened: its rebuild at
        // the edge is on its way, and until then the form it would check against is missing.
        if (state.kind !== 'open' || !info.window || !info.hasForm) {
          log(
            'refused',
            `POST ${NOMINATION_ROUTES.form} from ${request.ip}: 403 the nomination window is not open (${info.hasForm ? state.kind : 'the live page has no form yet'})`,
          );
          const closed = await readPage(NOMINATION_ROUTES.closed);
          return closed
            ? sendHtml(reply, 403, closed)
            : sendText(reply, 403, 'Nominasjonen er stengt.');
        }
        const values = body as FormValues;
        if ((values.get(HONEYPOT_FIELD) ?? '') !== '') {
          return refuse(
            request,
            reply,
            403,
            'the hidden field was filled in (a bot)',
            'Nominasjonen ble ikke tatt imot fordi den så automatisk utfylt ut. Last skjemaet på nytt og prøv igjen.',
          );
        }
        const token = readFormToken(values.get(TOKEN_FIELD), key, {
          now: at,
          minFillMs: config.nomination.minFillMs,
        });
        if (!token.ok) {
          return refuse(
            request,
            reply,
            403,
            `the form token is ${token.refusal}`,
            token.refusal === 'too-fast'
              ? 'Nominasjonen ble sendt raskere enn noen rekker å fylle ut skjemaet, og ble ikke tatt imot. Gå tilbake, vent noen sekunder og send igjen.'
              : 'Skjemaet er utløpt eller ikke hentet fra nettstedet. Last skjemaet på nytt og fyll det ut igjen.',
          );
        }
        const checked = checkNomination(values, info.serviceAreas);
        if (!checked.ok) {
          log(
            'refused',
            `POST ${NOMINATION_ROUTES.form} from ${request.ip}: 400 ${checked.errors.map((error) => error.field).join(', ')}`,
          );
          // The same signed token goes back in the form, so the corrected form is taken
          // (its fill time still counts from when the form was first served).
          return sendHtml(
            reply,
            400,
            page.setToken(values.get(TOKEN_FIELD) ?? '').showErrors(values, checked.errors),
          );
        }
        const { nomination } = checked;
        const year = info.year ?? getNominationYear(info.window);
        const ids = toNominationIds(token.nonce, year);
        const doc: NominationDocument = {
          _id: `drafts.${ids.id}`,
          _type: 'prizeNomination',
          title: nomination.title,
          need: nomination.need,
          achieved: nomination.achieved,
          serviceArea: { _type: 'reference', _ref: nomination.serviceArea },
          category: nomination.category,
          year,
          nominator: { name: nomination.name, email: nomination.email, unit: nomination.unit },
          consent: nomination.consent,
          receivedAt: new Date(at).toISOString(),
          reference: ids.reference,
        };
        const outcome = await store.store(doc);
        log('nomination', `${doc._id} ${outcome} (${ids.reference})`);
        const receipt = await readPage(NOMINATION_ROUTES.receipt);
        return receipt
          ? sendHtml(reply, 200, receipt.setReference(ids.reference))
          : sendText(
              reply,
              200,
              `Takk! Nominasjonen er mottatt. Referansen din er ${ids.reference}.`,
            );
      },
    );
    done();
  });
  return store;
}
