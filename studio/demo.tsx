/**
 * The Studio's demo mode (`npm run studio:demo`, see docs/operations.md): every request goes
 * to the local stand-in of Sanity's API on the Studio's own origin, so no account and no
 * interception is needed, and a notice above the navbar says that this is a demo, that
 * nothing reaches a real Sanity project, and offers to write the changes to the local export.
 */
import { createClient, type ClientConfig } from '@sanity/client';
import { Box, Button, Card, Flex, Text } from '@sanity/ui';
import { useState } from 'react';
import { createAuthStore, type NavbarProps, type WorkspaceOptions } from 'sanity';
import { studioEnv } from './env.ts';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; message: string }
  | { kind: 'failed'; message: string };

/** Asks the demo server to write the dataset back to the local export. */
async function saveToExport(): Promise<SaveState> {
  try {
    const response = await fetch('/demo/save', { method: 'POST' });
    const body = (await response.json()) as {
      file?: string;
      documents?: number;
      drafts?: number;
      error?: { description?: string };
    };
    if (!response.ok) {
      return { kind: 'failed', message: body.error?.description ?? `HTTP ${response.status}` };
    }
    return {
      kind: 'saved',
      message: `Skrevet til ${body.file ?? 'eksporten'}: ${body.documents ?? 0} dokumenter, ${body.drafts ?? 0} utkast.`,
    };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** How often a polled listener asks for new events. */
const LISTEN_POLL_MS = 400;

const LISTEN_PATH = /\/data\/listen\/([^/?]+)$/;

/**
 * An event stream for one `data/listen` request, made by polling `/demo/listen`. A browser
 * keeps only six HTTP/1.1 connections to one host, and the Studio holds more listeners than
 * that open at once; against Sanity's HTTP/2 API they share one connection, against the local
 * stand-in they would block every other request. Polling holds no connection open.
 */
function pollAsEventStream(listenUrl: URL, dataset: string, signal: AbortSignal | undefined) {
  const encoder = new TextEncoder();
  const pollUrl = new URL('/demo/listen', window.location.origin);
  listenUrl.searchParams.forEach((value, key) => pollUrl.searchParams.set(key, value));
  pollUrl.searchParams.set('dataset', dataset);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const step = async () => {
        try {
          const response = await fetch(pollUrl, signal === undefined ? {} : { signal });
          const answer = (await response.json()) as {
            cursor?: number;
            events?: { event: string; data: unknown }[];
            error?: { description?: string };
          };
          if (!response.ok || answer.cursor === undefined) {
            controller.error(new Error(answer.error?.description ?? `HTTP ${response.status}`));
            return;
          }
          pollUrl.searchParams.set('after', String(answer.cursor));
          for (const { event, data } of answer.events ?? []) {
            controller.enqueue(
              encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
            );
          }
          timer = setTimeout(() => void step(), LISTEN_POLL_MS);
        } catch (error) {
          if (signal?.aborted === true) return;
          controller.error(error);
        }
      };
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // Already closed or errored: nothing left to end.
        }
      });
      void step();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

/** The client's fetch in demo mode: listeners are polled, everything else passes through. */
function demoFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    window.location.href,
  );
  const listen = LISTEN_PATH.exec(url.pathname);
  if (listen === null) return fetch(input, init);
  return Promise.resolve(pollAsEventStream(url, listen[1] ?? '', init?.signal ?? undefined));
}

/** The navbar with the demo notice above it. */
function DemoNavbar(props: NavbarProps) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const onSave = () => {
    setState({ kind: 'saving' });
    void saveToExport().then(setState);
  };
  return (
    <>
      <Card as="aside" aria-label="Demo" tone="caution" paddingX={3} paddingY={2} borderBottom>
        <Flex align="center" gap={3} wrap="wrap">
          <Box flex={1}>
            <Text size={1} weight="medium">
              Demo uten konto: endringer lagres bare i denne lokale demoen, aldri i et ekte
              Sanity-prosjekt. De finnes bare i minnet til du skriver dem til den lokale eksporten,
              og forsvinner når demoen stoppes.
            </Text>
          </Box>
          <Text size={1} role="status">
            {state.kind === 'saved' || state.kind === 'failed' ? state.message : ''}
          </Text>
          <Button
            fontSize={1}
            mode="ghost"
            padding={2}
            text="Skriv endringene til den lokale eksporten"
            loading={state.kind === 'saving'}
            onClick={onSave}
          />
        </Flex>
      </Card>
      {props.renderDefault(props)}
    </>
  );
}

/**
 * The workspace options demo mode adds (none outside it). The auth store's clients call the
 * API on the page's own origin without a project subdomain, so any browser reaches it.
 */
export function getDemoOptions(): Pick<WorkspaceOptions, 'apiHost' | 'auth' | 'studio'> {
  if (!studioEnv.demo || typeof window === 'undefined') return {};
  const apiHost = window.location.origin;
  return {
    apiHost,
    auth: createAuthStore({
      projectId: studioEnv.projectId,
      dataset: studioEnv.dataset,
      apiHost,
      loginMethod: 'token',
      clientFactory: (options) => {
        // `resolveFetch` is the client's own hook for the fetch it uses (also for listeners).
        const config: ClientConfig & { resolveFetch: () => typeof demoFetch } = {
          ...options,
          useProjectHostname: false,
          resolveFetch: () => demoFetch,
        };
        return createClient(config);
      },
    }),
    studio: { components: { navbar: DemoNavbar } },
  };
}
