/**
 * The nomination pages as the service answers them: the built page from the live release,
 * parsed with parse5 and changed as a tree, then serialised — so whatever a person typed
 * goes back into the page as text or attribute values, escaped by the serialiser, never
 * spliced into HTML. The form gets a fresh token; a form with errors gets its values back,
 * `aria-invalid`, a message under each field and an error summary that links to them
 * (WCAG 3.3.1, 3.3.3); the receipt gets its reference.
 */
import { defaultTreeAdapter, parse, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import {
  NOMINATION_FIELDS,
  TOKEN_FIELD,
  type FieldError,
  type FormValues,
} from './nomination-form.ts';
import type { NominationWindow } from './nomination-window.ts';

type Document = DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const HTML_NS = 'http://www.w3.org/1999/xhtml' as DefaultTreeAdapterTypes.Element['namespaceURI'];

/** The nomination form's `id` on the built page (the header's search form is another). */
export const FORM_ID = 'nominasjonsskjema';

/** What the service learns from the live release's form page. */
export interface FormPageInfo {
  window: NominationWindow | undefined;
  /** The prize year the page was built for. */
  year: number | undefined;
  /** The service areas the form offers (their ids). */
  serviceAreas: ReadonlySet<string>;
  /** Whether the page holds the form (it was built inside the window). */
  hasForm: boolean;
}

/** Every element under `node`, in document order. */
function* walk(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if (defaultTreeAdapter.isElementNode(child)) {
      yield child;
      yield* walk(child);
    }
  }
}

function getAttr(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function setAttr(element: Element, name: string, value: string): void {
  const attr = element.attrs.find((item) => item.name === name);
  if (attr) attr.value = value;
  else element.attrs.push({ name, value });
}

function removeAttr(element: Element, name: string): void {
  element.attrs = element.attrs.filter((attr) => attr.name !== name);
}

function find(root: ParentNode, test: (element: Element) => boolean): Element | undefined {
  for (const element of walk(root)) if (test(element)) return element;
  return undefined;
}

/** Creates `<tag attrs…>text</tag>`. */
function createElement(tag: string, attrs: Record<string, string>, text?: string): Element {
  const element = defaultTreeAdapter.createElement(
    tag,
    HTML_NS,
    Object.entries(attrs).map(([name, value]) => ({ name, value })),
  );
  if (text !== undefined) defaultTreeAdapter.insertText(element, text);
  return element;
}

function setText(element: Element, text: string): void {
  for (const child of [...element.childNodes]) defaultTreeAdapter.detachNode(child);
  if (text !== '') defaultTreeAdapter.insertText(element, text);
}

/** A parsed page the service changes before sending. */
export class NominationPage {
  readonly #document: Document;

  constructor(html: string) {
    this.#document = parse(html);
  }

  /** The window, year and service areas the page was built with. */
  getInfo(): FormPageInfo {
    const article = find(this.#document, (element) =>
      element.attrs.some((attr) => attr.name === 'data-nomination-year'),
    );
    const opens = article && getAttr(article, 'data-nomination-opens');
    const closes = article && getAttr(article, 'data-nomination-closes');
    const year = Number(article && getAttr(article, 'data-nomination-year'));
    const select = find(
      this.#document,
      (element) => element.tagName === 'select' && getAttr(element, 'name') === 'serviceArea',
    );
    const serviceAreas = new Set(
      select
        ? [...walk(select)]
            .filter((element) => element.tagName === 'option')
            .map((option) => getAttr(option, 'value') ?? '')
            .filter((value) => value !== '')
        : [],
    );
    return {
      window: opens && closes ? { opens, closes } : undefined,
      year: Number.isInteger(year) ? year : undefined,
      serviceAreas,
      hasForm: this.#form() !== undefined,
    };
  }

  #form(): Element | undefined {
    return find(this.#document, (element) => getAttr(element, 'id') === FORM_ID);
  }

  /** Puts a fresh signed token in the form's hidden field. */
  setToken(token: string): this {
    const input = find(
      this.#document,
      (element) => element.tagName === 'input' && getAttr(element, 'name') === TOKEN_FIELD,
    );
    if (input) setAttr(input, 'value', token);
    return this;
  }

  /** Fills the form with what was posted and shows `errors` (summary first, then per field). */
  showErrors(values: FormValues, errors: readonly FieldError[]): this {
    const form = this.#form();
    if (!form) return this;
    for (const field of NOMINATION_FIELDS) {
      const control = find(form, (element) => getAttr(element, 'id') === field.id);
      if (!control) continue;
      const value = values.get(field.name) ?? '';
      if (field.kind === 'checkbox') {
        if (value === 'ja') setAttr(control, 'checked', '');
        else removeAttr(control, 'checked');
      } else if (field.kind === 'textarea') {
        setText(control, value);
      } else if (field.kind === 'select') {
        for (const option of walk(control)) {
          if (option.tagName !== 'option') continue;
          if (getAttr(option, 'value') === value) setAttr(option, 'selected', '');
          else removeAttr(option, 'selected');
        }
      } else {
        setAttr(control, 'value', value);
      }
      const error = errors.find((item) => item.field === field.name);
      if (!error) continue;
      const messageId = `${field.id}-feil`;
      setAttr(control, 'aria-invalid', 'true');
      const describedBy = getAttr(control, 'aria-describedby');
      setAttr(control, 'aria-describedby', describedBy ? `${messageId} ${describedBy}` : messageId);
      const message = createElement('p', { class: 'field-error', id: messageId });
      const hidden = createElement('span', { class: 'visually-hidden' }, 'Feil: ');
      defaultTreeAdapter.appendChild(message, hidden);
      defaultTreeAdapter.insertText(message, error.message);
      // Under the label and hint, right before the control (for a checkbox: before its box).
      const parent = control.parentNode;
      if (parent) defaultTreeAdapter.insertBefore(parent, message, control);
    }
    if (errors.length > 0) this.#insertSummary(form, errors);
    return this;
  }

  #insertSummary(form: Element, errors: readonly FieldError[]): void {
    const summary = createElement('div', {
      class: 'error-summary',
      id: 'feiloppsummering',
      tabindex: '-1',
      role: 'alert',
      'aria-labelledby': 'feiloppsummering-tittel',
      // Focus lands on the summary when the page loads, with no script (WCAG 3.3.1).
      autofocus: '',
    });
    defaultTreeAdapter.appendChild(
      summary,
      createElement(
        'h2',
        { id: 'feiloppsummering-tittel' },
        errors.length === 1
          ? 'Skjemaet har 1 feil som må rettes'
          : `Skjemaet har ${errors.length} feil som må rettes`,
      ),
    );
    const list = createElement('ul', {});
    for (const error of errors) {
      const field = NOMINATION_FIELDS.find((item) => item.name === error.field);
      const item = createElement('li', {});
      defaultTreeAdapter.appendChild(
        item,
        createElement('a', { href: `#${field?.id ?? ''}` }, error.message),
      );
      defaultTreeAdapter.appendChild(list, item);
    }
    defaultTreeAdapter.appendChild(summary, list);
    const parent = form.parentNode;
    if (parent) defaultTreeAdapter.insertBefore(parent, summary, form);
    const title = find(this.#document, (element) => element.tagName === 'title');
    const text = title?.childNodes[0];
    if (title && text && defaultTreeAdapter.isTextNode(text)) {
      setText(title, `Feil i skjemaet: ${text.value}`);
    }
  }

  /** Writes the receipt's reference into its placeholder. */
  setReference(reference: string): this {
    const target = find(
      this.#document,
      (element) => getAttr(element, 'id') === 'nominasjon-referanse',
    );
    if (target) setText(target, reference);
    return this;
  }

  /** The page as HTML. */
  toHtml(): string {
    return serialize(this.#document);
  }
}
