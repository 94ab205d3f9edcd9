/** Test helper: Portable Text blocks as Sanity stores them. */

/** One normal paragraph block with a single span, its marks and mark definitions. */
export function block(key: string, text: string, markDefs: unknown[] = [], marks: string[] = []) {
  return {
    _key: key,
    _type: 'block',
    style: 'normal',
    markDefs,
    children: [{ _key: `${key}s`, _type: 'span', text, marks }],
  };
}
