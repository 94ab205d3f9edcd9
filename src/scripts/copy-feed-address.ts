/**
 * The subscribe page's script: a «Kopier adresse» button beside each feed address, which
 * copies it with one press and says so in the page's live region. Progressive enhancement:
 * without this script, or without the Clipboard API, the addresses stay selectable text.
 */
import { t } from '../lib/i18n.ts';

/** Adds a copy button after each `[data-copy-address]` element, announcing in `status`. */
function addCopyButtons(status: HTMLElement): void {
  for (const address of document.querySelectorAll<HTMLElement>('[data-copy-address]')) {
    const name = address.dataset['feedName'] ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    // The visible text starts the accessible name (WCAG 2.5.3); the feed's name completes it.
    button.append(t.subscribe.copyButtonText);
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = t.subscribe.copyButtonTarget(name);
    button.append(hidden);
    button.addEventListener('click', () => {
      const text = address.textContent?.trim() ?? '';
      navigator.clipboard.writeText(text).then(
        () => announce(status, t.subscribe.copied(name)),
        () => announce(status, t.subscribe.copyFailed),
      );
    });
    address.after(button);
  }
}

/** Says `message` in the live region, anew even when it is the same as the last one. */
function announce(status: HTMLElement, message: string): void {
  status.textContent = '';
  // A new text node in a later task is announced again by screen readers.
  window.setTimeout(() => {
    status.textContent = message;
  }, 50);
}

const status = document.getElementById('copy-status');
if (status && 'clipboard' in navigator) addCopyButtons(status);
