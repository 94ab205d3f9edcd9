/** The «Vis på nettstedet» document action: opens the published document's page on the site. */
import { LaunchIcon } from '@sanity/icons/Launch';
import type { DocumentActionComponent, SanityDocument } from 'sanity';
import { studioEnv } from './env.ts';
import { getSiteUrlForDocument } from './production-url.ts';

declare module 'sanity' {
  interface DocumentActionKeys {
    viewOnSite: never;
  }
}

function toUrlSource(document: SanityDocument) {
  const slug: unknown = document['slug'];
  const current =
    typeof slug === 'object' && slug !== null ? (slug as { current?: unknown }).current : undefined;
  return {
    _type: document._type,
    slug: typeof current === 'string' ? { current } : undefined,
  };
}

/** Opens the page of the published version; the site never shows drafts. */
export const ViewOnSiteAction: DocumentActionComponent = (props) => {
  const url =
    props.published === null
      ? undefined
      : getSiteUrlForDocument(toUrlSource(props.published), studioEnv.siteUrl);
  return {
    label: 'Vis på nettstedet',
    icon: LaunchIcon,
    disabled: url === undefined,
    title:
      url === undefined
        ? 'Publiser dokumentet (med adresse) først. Siden finnes etter neste bygg av nettstedet.'
        : `Åpner ${url}. Nye endringer vises etter neste bygg av nettstedet.`,
    onHandle: () => {
      if (url !== undefined) window.open(url, '_blank', 'noopener');
      props.onComplete();
    },
  };
};
ViewOnSiteAction.action = 'viewOnSite';
