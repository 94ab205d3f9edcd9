/**
 * The desk structure: content grouped the way editors think of it, the taxonomy together,
 * and the site settings as one document rather than a list.
 */
import { BulbOutlineIcon } from '@sanity/icons/BulbOutline';
import { CaseIcon } from '@sanity/icons/Case';
import { CogIcon } from '@sanity/icons/Cog';
import { DocumentTextIcon } from '@sanity/icons/DocumentText';
import { DocumentsIcon } from '@sanity/icons/Documents';
import { StarIcon } from '@sanity/icons/Star';
import { RocketIcon } from '@sanity/icons/Rocket';
import { TagIcon } from '@sanity/icons/Tag';
import { TagsIcon } from '@sanity/icons/Tags';
import { UsersIcon } from '@sanity/icons/Users';
import type { ListItemBuilder, StructureBuilder, StructureResolver } from 'sanity/structure';
import type { SanityClient } from 'sanity';
import { CONTENT_TYPE_LABELS, SITE_SETTINGS_ID, STATUSES } from '../content-schemas/constants.ts';
import { PRIZE_NOMINATION_TYPE } from '../content-schemas/prize-nomination.ts';

function listByStatus(S: StructureBuilder, type: 'projectStory' | 'caseStudy', title: string) {
  return S.listItem()
    .id(`${type}-by-status`)
    .title('Etter status')
    .child(
      S.list()
        .id(`${type}-statuses`)
        .title(`${title} etter status`)
        .items(
          STATUSES.map((status) =>
            S.listItem()
              .id(`${type}-${status.value}`)
              .title(status.title)
              .child(
                S.documentTypeList(type)
                  .title(`${title}: ${status.title}`)
                  .filter('_type == $type && status == $status')
                  .params({ type, status: status.value }),
              ),
          ),
        ),
    );
}

function initiativeGroup(
  S: StructureBuilder,
  type: 'projectStory' | 'caseStudy',
  title: string,
  icon: typeof RocketIcon,
): ListItemBuilder {
  return S.listItem()
    .id(type)
    .title(title)
    .icon(icon)
    .child(
      S.list()
        .id(`${type}-group`)
        .title(title)
        .items([
          S.listItem()
            .id(`${type}-all`)
            .title(`Alle ${title.toLocaleLowerCase('nb')}`)
            .schemaType(type)
            .child(S.documentTypeList(type).title(title)),
          listByStatus(S, type, title),
        ]),
    );
}

/** The years nominations were sent for (nominations are drafts, so drafts count). */
const NOMINATION_YEARS_QUERY = `*[_type == $type && defined(year)].year`;

/** The API version the desk's own queries are pinned to, as the site's (src/config.ts). */
const STRUCTURE_API_VERSION = '2025-02-19';

/**
 * «Nominasjoner»: the jury's list, one entry per prize year, read when opened so a new
 * year appears as soon as its first nomination arrives.
 */
function nominationsByYear(S: StructureBuilder, client: SanityClient): ListItemBuilder {
  return S.listItem()
    .id('nominations')
    .title('Nominasjoner')
    .icon(StarIcon)
    .child(async () => {
      const years = await client.fetch<unknown[]>(NOMINATION_YEARS_QUERY, {
        type: PRIZE_NOMINATION_TYPE,
      });
      const distinct = new Set(years.filter((year): year is number => typeof year === 'number'));
      return S.list()
        .id('nominations-by-year')
        .title('Nominasjoner per år')
        .items(
          [...distinct]
            .sort((a, b) => b - a)
            .map((year) =>
              S.listItem()
                .id(`nominations-${year}`)
                .title(String(year))
                .child(
                  S.documentTypeList(PRIZE_NOMINATION_TYPE)
                    .title(`Nominasjoner ${year}`)
                    .filter('_type == $type && year == $year')
                    .params({ type: PRIZE_NOMINATION_TYPE, year })
                    .defaultOrdering([{ field: 'receivedAt', direction: 'desc' }]),
                ),
            ),
        );
    });
}

/** Builds the desk: Innlegg, Prosjekter, Innovasjonscaser, Personer, Taksonomi, Sider, Nominasjoner, Innstillinger. */
export const structure: StructureResolver = (S, context) =>
  S.list()
    .id('content')
    .title('Innhold')
    .items([
      S.documentTypeListItem('post').title('Innlegg').icon(DocumentTextIcon),
      initiativeGroup(S, 'projectStory', 'Prosjekter', RocketIcon),
      initiativeGroup(S, 'caseStudy', 'Innovasjonscaser', BulbOutlineIcon),
      S.documentTypeListItem('person').title('Personer').icon(UsersIcon),
      S.listItem()
        .id('taxonomy')
        .title('Taksonomi')
        .icon(TagsIcon)
        .child(
          S.list()
            .id('taxonomy-list')
            .title('Taksonomi')
            .items([
              S.documentTypeListItem('topic').title('Tema').icon(TagIcon),
              S.documentTypeListItem('serviceArea').title('Tjenesteområder').icon(CaseIcon),
            ]),
        ),
      S.documentTypeListItem('page').title(`${CONTENT_TYPE_LABELS.page}r`).icon(DocumentsIcon),
      nominationsByYear(S, context.getClient({ apiVersion: STRUCTURE_API_VERSION })),
      S.divider(),
      S.listItem()
        .id(SITE_SETTINGS_ID)
        .title('Innstillinger')
        .icon(CogIcon)
        .child(
          S.document()
            .schemaType('siteSettings')
            .documentId(SITE_SETTINGS_ID)
            .title('Innstillinger for nettstedet'),
        ),
    ]);
