/**
 * The sample draft and scheduled stories, and strings that appear only in them. The e2e site runs
 * on a copy of the sample in which each story of SCHEDULED_STORIES is re-dated to a month after
 * the copy is made (scripts/e2e-content.ts), so it is scheduled whatever the calendar says.
 */
export const DRAFT = {
  slug: "harlow-pass-ceasefire-talks",
  markers: ["Vestria and Kesland agree to talks on a Harlow Pass ceasefire line", "the Lusk venue is not yet public"],
};
export const SCHEDULED = {
  slug: "old-orlen-bridge-reopens",
  markers: ["Old Orlen bridge reopens to walkers and cyclists", "Pavel Ostrander"],
};
/** Every scheduled story of the sample (content/articles/<slug>.mdx). */
export const SCHEDULED_STORIES = [SCHEDULED.slug];
export const HIDDEN_MARKERS = [DRAFT.slug, SCHEDULED.slug, ...DRAFT.markers, ...SCHEDULED.markers];
