/** Every schema type of the content model, in the order the Studio lists them. */
import { awardCategory } from './award-category.ts';
import { blockContent } from './block-content.ts';
import { caseStudy } from './case-study.ts';
import { page } from './page.ts';
import { person } from './person.ts';
import { post } from './post.ts';
import { prizeNomination } from './prize-nomination.ts';
import { projectStory } from './project-story.ts';
import { serviceArea } from './service-area.ts';
import { siteSettings } from './site-settings.ts';
import { topic } from './topic.ts';

/** The schema types to give `defineConfig({ schema: { types } })`. */
export const schemaTypes = [
  post,
  projectStory,
  caseStudy,
  person,
  topic,
  serviceArea,
  page,
  siteSettings,
  prizeNomination,
  blockContent,
  awardCategory,
];

export { DOCUMENT_TYPE_NAMES } from './constants.ts';
