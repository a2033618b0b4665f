/** The sample draft and scheduled stories, and strings that appear only in them. */
export const DRAFT = {
  slug: "harlow-pass-ceasefire-talks",
  markers: ["Vestria and Kesland agree to talks on a Harlow Pass ceasefire line", "the Lusk venue is not yet public"],
};
export const SCHEDULED = {
  slug: "old-orlen-bridge-reopens",
  markers: ["Old Orlen bridge reopens to walkers and cyclists", "Pavel Ostrander"],
};
export const HIDDEN_MARKERS = [DRAFT.slug, SCHEDULED.slug, ...DRAFT.markers, ...SCHEDULED.markers];
