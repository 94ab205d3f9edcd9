/**
 * The desk structure: content grouped the way editors think of it, the taxonomy together,
 * and the site settings as one document rather than a list.
 */
import { BulbOutlineIcon } from '@sanity/icons/BulbOutline';
import { CaseIcon } from '@sanity/icons/Case';
import { CogIcon } from '@sanity/icons/Cog';
import { DocumentTextIcon } from '@sanity/icons/DocumentText';
import { DocumentsIcon } from '@sanity/icons/Documents';
import { RocketIcon } from '@sanity/icons/Rocket';
import { TagIcon } from '@sanity/icons/Tag';
import { TagsIcon } from '@sanity/icons/Tags';
import { UsersIcon } from '@sanity/icons/Users';
import type { ListItemBuilder, StructureBuilder, StructureResolver } from 'sanity/structure';
import { CONTENT_TYPE_LABELS, SITE_SETTINGS_ID, STATUSES } from '../content-schemas/constants.ts';

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

/** Builds the desk: Innlegg, Prosjekter, Innovasjonscaser, Personer, Taksonomi, Sider, Innstillinger. */
export const structure: StructureResolver = (S) =>
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
