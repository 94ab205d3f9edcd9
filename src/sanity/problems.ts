/**
 * What the pipeline reports about content: one problem per thing an editor must fix, naming
 * the document, the field and what to do. Shared by the check and normalise stages, which
 * record problems, and by the loader, which prints them (docs/operations.md).
 */

/** One thing wrong with one document, named so an editor can find and fix it. */
export interface ContentProblem {
  id: string;
  type: string;
  field: string;
  reason: string;
  /** Whether the whole document was left out (else only the field). */
  excluded: boolean;
}

/** Formats a problem as one log line: `post "abc" · slug: is missing`. */
export function formatProblem(problem: ContentProblem): string {
  const action = problem.excluded ? 'left out' : 'field dropped';
  return `${problem.type} "${problem.id}" · ${problem.field}: ${problem.reason} (${action})`;
}

/** Two documents of one type claim the same slug: the build must stop. */
export class DuplicateSlugError extends Error {
  override name = 'DuplicateSlugError';
}

/** Records the problems of one document into a shared list. */
export class ProblemRecorder {
  readonly id: string;
  readonly type: string;
  private readonly sink: ContentProblem[];

  // Plain fields, not parameter properties: scripts run this file with Node's type stripping.
  constructor(id: string, type: string, sink: ContentProblem[]) {
    this.id = id;
    this.type = type;
    this.sink = sink;
  }

  /** Records a problem that drops only this field. */
  warn(field: string, reason: string): void {
    this.sink.push({ id: this.id, type: this.type, field, reason, excluded: false });
  }

  /** Records a problem that leaves the whole document out; returns undefined for chaining. */
  exclude(field: string, reason: string): undefined {
    this.sink.push({ id: this.id, type: this.type, field, reason, excluded: true });
    return undefined;
  }
}

/**
 * What validating one document gave, apart from its data: enough for a later load to know,
 * without validating it again, whether it is published and which problems it has.
 */
export interface DocumentOutcome {
  /** Passed every check before the publication time (title, slug, a valid `publishedAt`). */
  checked: boolean;
  /** When it is published (articles only), as milliseconds since the epoch. */
  publishTime: number | undefined;
  /** Normalised and published (not left out when normalised); false when it never got there. */
  published: boolean;
  /** The problems found when normalising it, in order. */
  problems: ContentProblem[];
  /** The problems of its links to documents left out when normalised, in order. */
  linkProblems: ContentProblem[];
}

/** The problems of a published document whose stored entry an incremental load keeps. */
export type ReusedDocument = Pick<DocumentOutcome, 'problems' | 'linkProblems'>;
