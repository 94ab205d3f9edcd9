/**
 * The Studio: the whole content model in bokmål, a desk structure with the settings as a
 * singleton, and a «Vis på nettstedet» link built from the site's own route module.
 */
import { nbNOLocale } from '@sanity/locale-nb-no';
import { defineConfig, type DocumentActionComponent, type SanityDocumentLike } from 'sanity';
import { structureTool } from 'sanity/structure';
import { SITE_SETTINGS_ID } from '../content-schemas/constants.ts';
import { DOCUMENT_TYPE_NAMES, schemaTypes } from '../content-schemas/index.ts';
import { AwardCategoryInput } from './award-category-input.tsx';
import { getDemoOptions } from './demo.tsx';
import { studioEnv } from './env.ts';
import { getSiteUrlForDocument, type UrlSource } from './production-url.ts';
import { structure } from './structure.ts';
import { ViewOnSiteAction } from './view-on-site-action.ts';

/** What may be done to the settings singleton: edit and publish, never create, copy or delete. */
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore']);

/** Document types with a page of their own on the site: all of them (the settings: the home page). */
const TYPES_ON_SITE = new Set<string>(DOCUMENT_TYPE_NAMES);

function toUrlSource(document: SanityDocumentLike): UrlSource {
  const slug: unknown = document['slug'];
  const current =
    typeof slug === 'object' && slug !== null ? (slug as { current?: unknown }).current : undefined;
  return { _type: document._type, slug: typeof current === 'string' ? { current } : undefined };
}

export default defineConfig({
  name: 'default',
  title: 'Tanketanken',
  projectId: studioEnv.projectId,
  dataset: studioEnv.dataset,
  ...getDemoOptions(),
  plugins: [structureTool({ structure, title: 'Innhold' }), nbNOLocale()],
  schema: {
    // The award category gets its own input here, so content-schemas stays free of React.
    types: schemaTypes.map((type) =>
      type.name === 'awardCategory' ? { ...type, components: { input: AwardCategoryInput } } : type,
    ),
    // No «new settings» anywhere: the one settings document is opened from the structure.
    templates: (templates) =>
      templates.filter((template) => template.schemaType !== SITE_SETTINGS_ID),
  },
  document: {
    newDocumentOptions: (items) => items.filter((item) => item.templateId !== SITE_SETTINGS_ID),
    actions: (actions, context) => {
      const kept: DocumentActionComponent[] =
        context.schemaType === SITE_SETTINGS_ID
          ? actions.filter(
              (action) => action.action !== undefined && SINGLETON_ACTIONS.has(action.action),
            )
          : actions;
      return TYPES_ON_SITE.has(context.schemaType) ? [...kept, ViewOnSiteAction] : kept;
    },
    productionUrl: (previous, { document }) =>
      Promise.resolve(getSiteUrlForDocument(toUrlSource(document), studioEnv.siteUrl) ?? previous),
  },
});
