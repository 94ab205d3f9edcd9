/**
 * The alarm shared by every plugin in this folder. Each one leans on a private detail of
 * Astro, Vite or V8 (a module id, a file name, a hook order, a V8 flag); when an upgrade
 * changes that detail, the plugin would otherwise step aside silently and the build would
 * quietly lose what it gave (memory, time). Its guard instead fails the build with this
 * error, which names the plugin, the detail that changed and the upgrade checklist.
 */

/** Where the upgrade checklist of these plugins lives, relative to the repository root. */
export const UPGRADE_CHECKLIST = 'docs/upgrading.md';

/** The error a guard fails the build with, when its plugin did not take effect. */
export class InternalsGuardError extends Error {
  /** The plugin (integration name) whose guard failed. */
  readonly plugin: string;

  constructor(plugin: string, detail: string, options?: ErrorOptions) {
    super(
      `${plugin} did not take effect: ${detail} ` +
        `An upgrade of Astro, Vite or Node has probably changed a private detail this plugin ` +
        `relies on: read the section "${plugin}" of ${UPGRADE_CHECKLIST}, adapt the plugin ` +
        `(or remove it from astro.config.mjs), and build again.`,
      options,
    );
    this.name = 'InternalsGuardError';
    this.plugin = plugin;
  }
}
