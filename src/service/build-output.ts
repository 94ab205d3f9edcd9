/**
 * Reads a build's output for the service: the error that stopped it, as the build itself
 * worded it (without Astro's stack traces and generic hints), and the content warnings
 * (`formatProblem` in src/sanity/problems.ts: one line per document left out or field
 * dropped). Pure: the output and the paths to hide are passed in.
 */
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** The section headings Astro prints under an error (formatErrorMessage in astro/dist/core/messages). */
const ASTRO_SECTION = /^\s+(Hint|Error reference|Location|Stack trace|Caused by):\s*$/;

/** A log line's prefix: the time and the level or label Astro's logger prints. */
const LOG_PREFIX =
  /^(?:\d{2}:\d{2}:\d{2}\s+)?(?:\[(?:ERROR|WARN|error|warn)\]\s*)?(?:\[[\w:-]+\]\s*)?/;

/** A stack frame (`    at parseLine (…)`). */
const STACK_FRAME = /^\s+at\s/;

/**
 * One content warning as `formatProblem` writes it:
 * `post "post-x" · title: is 500 characters; the limit is 120 (left out)`.
 */
const CONTENT_WARNING = /([A-Za-z][\w-]*) "([^"]+)" · (.+?): (.+) \((left out|field dropped)\)\s*$/;

/** Replaces absolute paths of this machine: under `root` relative to it, others by their file name. Pure. */
export function hideLocalPaths(text: string, root: string): string {
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  const relative = text.split(`file://${prefix}`).join('').split(prefix).join('');
  // Any other absolute path (a temporary export, node's own files) keeps only its last part.
  return relative.replace(
    /(?<![\w:/.])(?:file:\/\/)?(?:\/[^\s/:'"()[\]]+)+\/([^\s/:'"()[\]]+)/g,
    '…/$1',
  );
}

/** Hides secrets (tokens of 8 characters or more) in `text`. Pure. */
function hideSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 8) result = result.split(secret).join('[hidden]');
  }
  return result;
}

/**
 * The error message of a failed build: the lines the build printed just before Astro's
 * "Hint:"/"Location:"/"Stack trace:" sections (the error's own message), else the last
 * lines that read as an error, never a stack frame. Paths of the machine and secrets are
 * hidden; at most 2,000 characters. Pure.
 */
export function readBuildError(
  output: string,
  options: { secrets: readonly string[]; root: string },
): string {
  const lines = stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.trimEnd());
  let message: string[] = [];
  let index = lines.findLastIndex((line) => ASTRO_SECTION.test(line));
  if (index > 0) {
    // Back over the sections (headings and their indented lines) to the message above them.
    while (index >= 0 && ((lines[index] ?? '') === '' || /^\s/.test(lines[index] ?? '')))
      index -= 1;
    for (; index >= 0 && message.length < 10; index -= 1) {
      const line = lines[index] ?? '';
      if (line.trim() === '' || /^\s/.test(line)) break;
      const timed = /^\d{2}:\d{2}:\d{2}\s/.test(line);
      // A log line above the message is the build's progress, unless it is an error.
      if (timed && !/\[ERROR\]/.test(line)) break;
      message.unshift(line.replace(LOG_PREFIX, '').trim());
      if (timed) break;
    }
  }
  if (message.length === 0) {
    const candidates = lines
      .filter((line) => line.trim() !== '' && !STACK_FRAME.test(line) && !ASTRO_SECTION.test(line))
      .map((line) => line.replace(LOG_PREFIX, '').trim());
    const telling = candidates.filter((line) =>
      /error|failed|STRICT_CONTENT|problem|cannot|could not|not found|not valid|ECONN|timed out/i.test(
        line,
      ),
    );
    message = telling.length > 0 ? telling.slice(-6) : candidates.slice(-6);
  }
  const text = hideSecrets(hideLocalPaths(message.join('\n'), options.root), options.secrets);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/**
 * The content warnings a build printed, once each, in order, as `formatProblem` wrote
 * them (without the logger's prefix). Pure.
 */
export function readContentWarnings(output: string): string[] {
  const seen = new Set<string>();
  for (const line of stripVTControlCharacters(output).split('\n')) {
    const match = CONTENT_WARNING.exec(line.trimEnd());
    if (match) seen.add(match[0].trim());
  }
  return [...seen];
}
