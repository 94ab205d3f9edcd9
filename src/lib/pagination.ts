/** Splits a list into pages of a fixed size, with the paths list pages link to. */
import { getListPath } from '../../content-schemas/routes.ts';

/** Items per list page. */
export const PAGE_SIZE = 12;

/** One page of a paginated list. */
export interface ListPage<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pageCount: number;
  path: string;
  prevPath: string | undefined;
  nextPath: string | undefined;
}

/** Splits `items` into pages of `size` at `<base>side/<n>/`; an empty list still has one page. */
export function paginate<T>(
  items: readonly T[],
  base: string,
  size = PAGE_SIZE,
): [ListPage<T>, ...ListPage<T>[]] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`page size must be a positive integer, got ${size}`);
  }
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const toPage = (page: number): ListPage<T> => ({
    items: items.slice((page - 1) * size, page * size),
    page,
    pageCount,
    path: getListPath(base, page),
    prevPath: page > 1 ? getListPath(base, page - 1) : undefined,
    nextPath: page < pageCount ? getListPath(base, page + 1) : undefined,
  });
  return [toPage(1), ...Array.from({ length: pageCount - 1 }, (_, index) => toPage(index + 2))];
}
