/**
 * A generated news archive for the scale benchmark (bench/scale.ts), as a complete content
 * directory laid out like content/: the repo's site files and authors, the sample stories, and
 * `count` generated stories.
 *
 *   tsx bench/archive.ts <count> <outDir> [--seed N] [--now <ms since epoch>]
 *
 * The stories are fictional and varied: every section, every author, a vocabulary of a few hundred
 * tags (a few used often, most rarely), story types, dates spread over the five years before `now`
 * (never a fixed calendar date), bodies of 300 to 1,200 words with subheadings, lists, emphasis,
 * links, and the registered body components used as the content check expects (ImageCaption with
 * an image on disk, More and `related` pointing at earlier public generated stories, SocialPost
 * with an https link), lead images from public/images/articles/, a few corrections, renames and
 * drafts. Headlines and slugs are unique. The same seed and `now` give the same files.
 *
 * Names of people, places and organisations come from a syllable generator and the site's own
 * fictional world (Vestria, Port Alder): none names a real person or organisation.
 */
import fs from "node:fs";
import path from "node:path";

const REPO = path.resolve(__dirname, "..");
const DAY = 24 * 3600 * 1000;
const YEARS = 5;

export interface ArchiveOptions {
  count: number;
  outDir: string;
  /** Default 1. */
  seed?: number;
  /** "Now" in ms since the epoch: every date is before it. Default Date.now(). */
  now?: number;
  /** Where content/ and public/images/articles/ are read from. Default this repo. */
  repoRoot?: string;
}

export interface ArchiveResult {
  /** Slugs of the generated stories that are public (published, in the past). */
  publicSlugs: string[];
  /** Slugs of the generated drafts. */
  draftSlugs: string[];
  /** Slugs of the sample stories copied in. */
  sampleSlugs: string[];
  tags: number;
  words: number;
  bytes: number;
  ms: number;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  /** Skewed towards the start of the list: a few items are used often, most rarely. */
  const pickSkewed = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * next() ** 2.5)];
  const chance = (p: number) => next() < p;
  const between = (lo: number, hi: number) => lo + int(hi - lo + 1);
  return { next, int, pick, pickSkewed, chance, between };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------------------------------------
// Fictional names

const ONSETS = [
  "b",
  "br",
  "d",
  "dr",
  "f",
  "g",
  "gr",
  "h",
  "k",
  "kl",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "sk",
  "st",
  "t",
  "tr",
  "v",
  "vr",
  "w",
  "z",
];
const VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ae", "ei", "y"];
const CODAS = ["", "", "", "n", "r", "l", "s", "th", "rn", "ld", "k", "m", "nd", "st", "v"];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function word(r: Rng, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++)
    w += (i === 0 || r.chance(0.7) ? r.pick(ONSETS) : "") + r.pick(VOWELS) + (i === syllables - 1 || r.chance(0.3) ? r.pick(CODAS) : "");
  return w;
}

/** `n` distinct capitalised names made of 2 or 3 syllables, never one of `avoid`. */
function names(r: Rng, n: number, avoid = new Set<string>(), suffixes: string[] = [""]): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const w = cap(word(r, r.chance(0.7) ? 2 : 3)) + r.pick(suffixes);
    if (w.length >= 4 && w.length <= 11 && !avoid.has(w)) out.add(w);
  }
  return [...out];
}

// The site's own fictional world (see the sample stories), then generated towns.
const KNOWN_PLACES = ["Port Alder", "Tessmoor", "Ederwyn", "Lindholt", "Lusk", "Skarve", "Ostby", "Harlow", "Orlen", "Kessel"];
const COUNTRIES = ["Vestria", "Kesland", "Norvaal", "Astermark", "Tirrenby", "Calvadia"];

interface World {
  places: string[];
  given: string[];
  surnames: string[];
  orgs: string[];
  companies: string[];
  tags: { slug: string; label: string }[];
}

const ORG_FORMS = [
  (p: string) => `the ${p} Harbour Board`,
  (p: string) => `the ${p} District Council`,
  (p: string) => `the ${p} Teachers' Union`,
  (p: string) => `the ${p} Farmers' Cooperative`,
  (p: string) => `the ${p} Institute of Marine Science`,
  (p: string) => `the ${p} Hospital Trust`,
  (p: string) => `the ${p} Chamber of Commerce`,
  (p: string) => `the ${p} Rail Users' Association`,
  (p: string) => `the ${p} Housing Association`,
  (p: string) => `the ${p} Water Authority`,
];
const COMPANY_FORMS = [
  (n: string) => `${n} Shipping`,
  (n: string) => `${n} Foods`,
  (n: string) => `${n} Energy`,
  (n: string) => `${n} Mutual`,
  (n: string) => `${n} Timber`,
  (n: string) => `${n} Freight`,
  (n: string) => `${n} Textiles`,
  (n: string) => `${n} Software`,
];
const TAG_TOPICS = [
  "ferries",
  "schools",
  "housing",
  "floods",
  "harbour",
  "elections",
  "budget",
  "hospital",
  "rail",
  "fisheries",
  "wind-farm",
  "bridge",
  "museum",
  "library",
  "football",
  "festival",
  "strike",
  "water",
  "roads",
  "tourism",
  "mining",
  "forestry",
  "courts",
  "police",
  "wildlife",
  "heritage",
  "port",
  "airport",
  "university",
  "theatre",
];

function makeWorld(seed: number, sampleTags: Record<string, string>): World {
  // The world depends on the seed only, so every archive of a seed shares its names and tags.
  const r = rng(seed ^ 0x5eed);
  const places = [...KNOWN_PLACES, ...names(r, 390, new Set(KNOWN_PLACES), ["", "", "", "by", "holm", "mark", "wick", "dal", "moor"])];
  const given = names(r, 500);
  const surnames = names(r, 800, new Set(given), ["", "", "", "son", "er", "ov", "ski", "berg"]);
  const orgs = places.slice(0, 150).map((p, i) => ORG_FORMS[i % ORG_FORMS.length](p));
  const companies = names(r, 120, new Set(places)).map((n, i) => COMPANY_FORMS[i % COMPANY_FORMS.length](n));
  const tags = Object.entries(sampleTags).map(([slug, label]) => ({ slug, label }));
  const seen = new Set(tags.map((t) => t.slug));
  for (const country of COUNTRIES) add(country);
  for (const p of places.slice(0, 180)) add(p);
  for (const topic of TAG_TOPICS) {
    add(cap(topic.replace(/-/g, " ")));
    for (let i = 0; i < 3; i++) add(`${r.pick(places.slice(0, 60))} ${topic.replace(/-/g, " ")}`);
  }
  function add(label: string) {
    const slug = slugify(label);
    if (seen.has(slug)) return;
    seen.add(slug);
    tags.push({ slug, label });
  }
  return { places, given, surnames, orgs, companies, tags };
}

function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// ---------------------------------------------------------------------------------------------
// Sentences

const ROLES = [
  "a spokeswoman for",
  "a spokesman for",
  "the chair of",
  "a senior official at",
  "the director of",
  "a researcher at",
  "a board member of",
  "the treasurer of",
  "a former adviser to",
  "the deputy head of",
];
const PLAIN_ROLES = [
  "a shopkeeper",
  "a retired teacher",
  "a nurse",
  "a ferry captain",
  "a student",
  "a farmer",
  "a bus driver",
  "a fisherman",
  "a café owner",
  "a parent of two",
];
const NOUNS = [
  "plan",
  "budget",
  "report",
  "proposal",
  "contract",
  "inquiry",
  "decision",
  "vote",
  "review",
  "agreement",
  "project",
  "scheme",
  "deadline",
  "policy",
  "survey",
  "hearing",
  "programme",
  "investment",
  "timetable",
  "audit",
  "study",
  "ruling",
  "loan",
  "tender",
];
const SUBJECTS = [
  "prices",
  "rents",
  "waiting lists",
  "passenger numbers",
  "wages",
  "harvests",
  "catches",
  "repairs",
  "visitor numbers",
  "water levels",
  "school places",
  "energy bills",
  "ticket sales",
  "exports",
  "hospital admissions",
  "delays",
];
const TRENDS = ["rose", "fell", "doubled", "halved", "stayed flat", "climbed sharply", "dropped slightly", "recovered"];
const ADJ = [
  "long-awaited",
  "controversial",
  "modest",
  "ambitious",
  "delayed",
  "revised",
  "temporary",
  "costly",
  "popular",
  "unexpected",
  "detailed",
  "cautious",
  "first",
  "final",
  "new",
  "regional",
];
const VERBS_SAID = [
  "said",
  "told the Ledger",
  "said on Tuesday",
  "said on Friday",
  "told reporters",
  "wrote in a statement",
  "said in an interview",
];
const TIMES = [
  "last year",
  "since the spring",
  "over the winter",
  "in the past decade",
  "this month",
  "in recent years",
  "in the first quarter",
  "over the summer",
];
const REASONS = [
  "the cost of fuel",
  "a shortage of staff",
  "the wet autumn",
  "new rules from the ministry",
  "a fall in demand",
  "repairs to the harbour wall",
  "the closure of the pass road",
  "higher interest rates",
  "a change of contractor",
];
const QUOTES = [
  "We have waited a long time for this, and we will be watching closely",
  "Nobody here is against change, but people want to be asked first",
  "The figures speak for themselves",
  "It is too early to say what it will mean for families",
  "We were given three days' notice, which is not enough for anyone",
  "This is the best chance we have had in a generation",
  "I would like to see the full report before I say more",
  "It is good news, and it is overdue",
  "We will keep the doors open for as long as we can",
  "The money is there; the question is whether it arrives in time",
  "People are tired, but they are not giving up",
  "Every week of delay costs us customers",
];
const CLOSERS = [
  "A decision is expected before the end of the month.",
  "The council will meet again next week.",
  "Neither side has said when talks will resume.",
  "The ministry did not respond to a request for comment.",
  "The full report is due in the spring.",
  "Work is scheduled to begin in the autumn.",
  "Residents have until Friday to respond to the consultation.",
];
const NUMBERS = ["12", "40", "120", "1,200", "3,500", "a third", "half", "two-thirds", "nine", "15", "240", "68", "7,800"];
const COUNTS = ["12", "40", "120", "1,200", "3,500", "nine", "15", "240", "68", "7,800", "several hundred"];
/** "a" or "an" before a word. */
const a = (w: string) => (/^[aeiou]/i.test(w) ? `an ${w}` : `a ${w}`);

interface StoryContext {
  place: string;
  org: string;
  company: string;
  person: string;
  personRole: string;
  noun: string;
  subject: string;
}

function person(r: Rng, w: World) {
  return `${r.pick(w.given)} ${r.pick(w.surnames)}`;
}

function sentence(r: Rng, w: World, c: StoryContext): string {
  switch (r.int(14)) {
    case 0:
      return `The ${r.pick(ADJ)} ${c.noun} was approved by ${c.org} ${r.pick(TIMES)}, after months of debate in ${c.place}.`;
    case 1:
      return `${cap(c.subject)} in ${c.place} ${r.pick(TRENDS)} ${r.pick(TIMES)}, according to figures published by ${c.org}.`;
    case 2:
      return `"${r.pick(QUOTES)}," ${c.person}, ${c.personRole}, ${r.pick(VERBS_SAID)}.`;
    case 3:
      return `${person(r, w)}, ${r.pick(PLAIN_ROLES)} from ${r.pick(w.places)}, said the ${c.noun} had come as a surprise to many.`;
    case 4:
      return `Officials blamed ${r.pick(REASONS)}, and said ${r.pick(NUMBERS)} of the ${r.pick(["households", "businesses", "workers", "pupils", "passengers"])} affected would be offered help.`;
    case 5:
      return `${c.company} said it would ${r.pick(["invest", "spend", "set aside", "borrow"])} ${r.between(2, 900)} million crowns over ${r.between(2, 10)} years.`;
    case 6:
      return `The ${c.noun} covers ${r.pick(w.places)}, ${r.pick(w.places)} and the villages along the ${r.pick(["coast road", "Orlen valley", "northern line", "Kessel shore", "old canal"])}.`;
    case 7:
      return `${cap(r.pick(ADJ))} or not, it is the ${r.pick(["third", "second", "largest", "first"])} such ${c.noun} in ${c.place} ${r.pick(TIMES)}.`;
    case 8:
      return `In ${r.pick(w.places)}, ${r.pick(COUNTS)} people signed a petition against it, and a public meeting drew a crowd that spilled into the street.`;
    case 9:
      return `"${r.pick(QUOTES)}," said ${person(r, w)}, ${r.pick(ROLES)} ${r.pick(w.orgs)}.`;
    case 10:
      return `Critics say the ${c.noun} does too little about ${c.subject}, which have ${r.pick(TRENDS)} ${r.pick(TIMES)}.`;
    case 11:
      return `${c.person} said the next step would be ${a(r.pick(ADJ))} ${r.pick(NOUNS)}, with a first draft by ${r.pick(["the spring", "the summer", "the end of the year", "next month"])}.`;
    case 12:
      return `The figures were first reported by ${r.pick(["North Vestria Radio", "the Kessel Press Agency", "the Orlen Courier", "Port Alder Weekly"])}.`;
    default:
      return `Most of the ${r.pick(["work", "money", "planning", "cost"])} will fall on ${c.org}, which has ${r.between(2, 40)} staff and a budget of ${r.between(1, 90)} million crowns.`;
  }
}

function paragraph(r: Rng, w: World, c: StoryContext): string {
  const n = r.between(2, 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(sentence(r, w, c));
  let p = parts.join(" ");
  // A little inline formatting, as editors write it.
  if (r.chance(0.06)) p = p.replace(c.place, `*${c.place}*`);
  if (r.chance(0.03)) p += ` The agency's <abbr title="annual report">AR</abbr> is due in ${r.pick(["March", "June", "October"])}.`;
  return p;
}

function heading(r: Rng, c: StoryContext): string {
  return `## ${r.pick([`What the ${c.noun} means`, `Reaction in ${c.place}`, `How we got here`, `What happens next`, `The cost`, `A long road`, `Voices from ${c.place}`, `The numbers`, `Questions remain`, `Looking ahead`])}`;
}

function list(r: Rng, w: World, c: StoryContext): string {
  const ordered = r.chance(0.3);
  const items: string[] = [];
  const n = r.between(3, 5);
  for (let i = 0; i < n; i++) {
    const item = r.pick([
      `${cap(r.pick(ADJ))} ${r.pick(NOUNS)} for ${r.pick(w.places)}`,
      `${r.between(2, 90)} million crowns for ${r.pick(SUBJECTS)}`,
      `${cap(a(r.pick(NOUNS)))} led by ${c.org}`,
      `New ${r.pick(["bus", "ferry", "rail", "tram"])} links to ${r.pick(w.places)}`,
      `${cap(r.pick(SUBJECTS))} reviewed every ${r.pick(["month", "quarter", "year"])}`,
    ]);
    items.push(ordered ? `${i + 1}. ${item}` : `- ${item}`);
  }
  return `The ${c.noun} includes:\n\n${items.join("\n")}`;
}

// ---------------------------------------------------------------------------------------------
// Headlines

const HEADLINES: Record<string, ((r: Rng, w: World, c: StoryContext) => string)[]> = {
  world: [
    (r, w, c) => `${r.pick(COUNTRIES)} and ${r.pick(COUNTRIES.slice(1))} open talks on ${c.subject} at the ${c.place} border crossing`,
    (r, w, c) => `Border guards in ${c.place} report a quiet week after months of tension with ${r.pick(COUNTRIES.slice(1))}`,
    (r, w, c) => `${r.pick(COUNTRIES.slice(1))} foreign minister ${c.person} visits ${c.place} to discuss ${a(r.pick(ADJ))} ${c.noun}`,
    (r, w, c) => `Aid convoy reaches ${c.place} after ${r.between(3, 20)} days on the mountain road from ${r.pick(w.places)}`,
  ],
  politics: [
    (r, w, c) => `Parliament backs ${a(r.pick(ADJ))} ${c.noun} for ${c.place} after a ${r.between(2, 14)}-hour debate`,
    (r, w, c) => `Coalition splits over the ${c.noun} for ${c.place} as ${c.person} threatens to resign`,
    (r, w, c) => `${c.person} wins the ${c.place} by-election with ${r.between(31, 68)} per cent of the vote`,
    (r, w, c) =>
      `${cap(c.org.replace(/^the /, ""))} votes to delay the ${c.noun} on ${c.subject} until ${r.pick(["the spring", "next year", "the autumn"])}`,
  ],
  business: [
    (r, w, c) =>
      `${c.company} to ${r.pick(["cut", "add", "move"])} ${r.between(20, 900)} jobs at its ${c.place} site as ${c.subject} ${r.pick(TRENDS)}`,
    (r, w, c) => `${c.company} wins a ${r.between(5, 400)} million crown ${c.noun} from ${c.org}`,
    (r, w, c) =>
      `${cap(c.subject)} in ${c.place} ${r.pick(TRENDS)} for the ${r.pick(["first", "third", "fifth"])} month running, figures show`,
    (r, w, c) => `Small firms in ${c.place} say ${r.pick(REASONS)} is hurting ${c.subject}`,
  ],
  science: [
    (r, w, c) =>
      `Researchers in ${c.place} find ${r.pick(["otters", "seals", "salmon", "cranes", "beavers", "wild orchids"])} returning to the ${r.pick(["Orlen", "Kessel shore", "upper valley", "old quarry lakes"])}`,
    (r, w, c) => `${cap(c.org.replace(/^the /, ""))} publishes ${a(r.pick(ADJ))} study of ${c.subject} around ${c.place}`,
    (r, w, c) => `A ${r.between(2, 12)}-year survey of ${c.place} shows ${c.subject} ${r.pick(TRENDS)} as winters get milder`,
    (r, w, c) =>
      `Tidal turbine trial off ${c.place} ${r.pick(["passes its first winter", "is extended by a year", "stops after a cable fault"])}`,
  ],
  culture: [
    (r, w, c) =>
      `${c.person}'s ${r.pick(["first novel", "new play", "debut album", "memoir", "exhibition"])} about ${c.place} wins the ${r.pick(["Coast Prize", "Alder Medal", "Orlen Award", "Lantern Prize"])}`,
    (r, w, c) =>
      `The ${c.place} ${r.pick(["summer fair", "book festival", "choir week", "film season", "harvest festival"])} returns after ${r.between(2, 9)} years with ${a(r.pick(ADJ))} programme`,
    (r, w, c) =>
      `${c.place}'s ${r.pick(["old cinema", "town theatre", "public library", "harbour museum"])} reopens after a ${r.between(1, 5)}-year restoration`,
    (r, w, c) => `${c.person} on ${r.pick(["growing up", "forty years of painting", "writing", "teaching music"])} in ${c.place}`,
  ],
};
const GENERIC_HEADLINES: ((r: Rng, w: World, c: StoryContext) => string)[] = [
  (r, w, c) => `What the ${r.pick(ADJ)} ${c.noun} means for ${c.subject} in ${c.place}`,
  (r, w, c) => `${c.place} residents divided over the ${c.noun} for ${c.subject}`,
];

// ---------------------------------------------------------------------------------------------
// The archive

const TYPES = [
  "news",
  "news",
  "news",
  "news",
  "news",
  "news",
  "news",
  "analysis",
  "analysis",
  "opinion",
  "explainer",
  "sponsored",
] as const;
const q = (s: string) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "+00:00");
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const CAPTION_VERBS = [
  "at work",
  "on the quayside",
  "in the town square",
  "outside the council offices",
  "at the harbour",
  "on the main road",
];

function readSections(contentDir: string): string[] {
  // sections.yaml is a list of `- id: <id>` entries; read the ids without a YAML dependency.
  return [...fs.readFileSync(path.join(contentDir, "sections.yaml"), "utf8").matchAll(/^- id: ([a-z0-9-]+)\s*$/gm)].map((m) => m[1]);
}

function readTagLabels(contentDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const file = path.join(contentDir, "tags.yaml");
  if (!fs.existsSync(file)) return out;
  for (const m of fs.readFileSync(file, "utf8").matchAll(/^([a-z0-9-]+): (.+)$/gm)) out[m[1]] = m[2].trim();
  return out;
}

export function generateArchive(opts: ArchiveOptions): ArchiveResult {
  const started = performance.now();
  const { count, outDir, seed = 1, now = Date.now(), repoRoot = REPO } = opts;
  const srcContent = path.join(repoRoot, "content");
  const r = rng(seed);

  // 1. The site files, authors and sample stories, as they are in the repo.
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, "articles"), { recursive: true });
  for (const e of fs.readdirSync(srcContent, { withFileTypes: true })) {
    if (e.isFile() && /\.ya?ml$/.test(e.name)) fs.copyFileSync(path.join(srcContent, e.name), path.join(outDir, e.name));
  }
  fs.cpSync(path.join(srcContent, "authors"), path.join(outDir, "authors"), { recursive: true });
  const sampleFiles = fs.readdirSync(path.join(srcContent, "articles")).filter((f) => f.endsWith(".mdx"));
  for (const f of sampleFiles) fs.copyFileSync(path.join(srcContent, "articles", f), path.join(outDir, "articles", f));
  const sampleSlugs = sampleFiles.map((f) => f.slice(0, -4));

  const sections = readSections(srcContent);
  const authors = fs
    .readdirSync(path.join(srcContent, "authors"))
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => f.slice(0, -4))
    .sort();
  const images = fs
    .readdirSync(path.join(repoRoot, "public/images/articles"))
    .filter((f) => /\.(jpe?g|png|webp|avif)$/i.test(f))
    .sort()
    .map((f) => `/images/articles/${f}`);
  const sampleTags = readTagLabels(srcContent);
  const world = makeWorld(seed, sampleTags);

  // The generated tags get display names too.
  const extraTags = world.tags.filter((t) => !(t.slug in sampleTags));
  fs.appendFileSync(
    path.join(outDir, "tags.yaml"),
    "# Generated by bench/archive.ts\n" + extraTags.map((t) => `${t.slug}: ${q(t.label)}\n`).join(""),
  );

  // Every sample slug and old slug is taken, so no generated story shadows or collides with one.
  const taken = new Set<string>(sampleSlugs);
  for (const f of sampleFiles) {
    const m = /^redirectFrom: \[([^\]]*)\]/m.exec(fs.readFileSync(path.join(srcContent, "articles", f), "utf8"));
    m?.[1].split(",").forEach((s) => taken.add(s.trim()));
  }
  const headlines = new Set<string>();
  const publicBySection = new Map<string, string[]>(sections.map((s) => [s, []]));
  const publicSlugs: string[] = [];
  const draftSlugs: string[] = [];
  let words = 0;
  let bytes = 0;

  // Oldest first, so `related` and <More> point back at stories that already exist.
  const span = YEARS * 365 * DAY;
  const times = Array.from({ length: count }, () => now - 3600_000 - Math.floor(r.next() * span)).sort((a, b) => a - b);

  for (let i = 0; i < count; i++) {
    const section = sections[r.int(sections.length)];
    const c: StoryContext = {
      place: r.pickSkewed(world.places),
      org: r.pick(world.orgs),
      company: r.pick(world.companies),
      person: person(r, world),
      personRole: `${r.pick(ROLES)} ${r.pick(world.orgs)}`,
      noun: r.pick(NOUNS),
      subject: r.pick(SUBJECTS),
    };

    // A unique headline (case-insensitively, as the content check compares them) and slug.
    const forms = [...(HEADLINES[section] ?? []), ...GENERIC_HEADLINES];
    let title = "";
    for (let attempt = 0; ; attempt++) {
      title = r.pick(forms)(r, world, c);
      if (attempt > 5)
        title += `, ${r.pick(["officials say", "a report finds", "residents say", "figures show"])} (${r.pick(world.places)})`;
      if (!headlines.has(title.toLowerCase())) break;
      c.place = r.pick(world.places);
      c.person = person(r, world);
    }
    headlines.add(title.toLowerCase());
    const base = slugify(title).split("-").slice(0, 9).join("-");
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);

    const publishedAt = Math.floor(times[i] / 60_000) * 60_000;
    const draft = r.chance(0.01);
    const type = r.pick(TYPES);
    const storyAuthors = r.chance(0.2) ? [r.pick(authors), r.pick(authors)].filter((a, k, xs) => xs.indexOf(a) === k) : [r.pick(authors)];
    const tags = new Set<string>();
    const nTags = r.between(2, 5);
    while (tags.size < nTags) tags.add(r.pickSkewed(world.tags).slug);
    const earlier = publicBySection.get(section)!;
    const pool = earlier.length ? earlier : publicSlugs;
    const related = new Set<string>();
    if (pool.length && r.chance(0.4))
      for (let k = r.between(1, 3); k > 0; k--) related.add(pool[pool.length - 1 - r.int(Math.min(pool.length, 200))]);
    const image = r.pick(images);

    const fm: string[] = [
      "---",
      `title: ${q(title)}`,
      `dek: ${q(`${sentence(r, world, c)} ${r.pick(CLOSERS)}`)}`,
      `section: ${section}`,
      `type: ${type}`,
      `authors: [${storyAuthors.join(", ")}]`,
      `publishedAt: ${iso(publishedAt)}`,
    ];
    if (r.chance(0.25)) fm.push(`updatedAt: ${iso(Math.min(now - 60_000, publishedAt + r.between(1, 48) * 3600_000))}`);
    if (draft) fm.push("status: draft");
    fm.push(`tags: [${[...tags].join(", ")}]`);
    if (r.chance(0.1)) fm.push(`contributors: [${q(r.pick(["Kessel Press Agency", "North Vestria Radio", "Wire services"]))}]`);
    if (related.size) fm.push(`related: [${[...related].join(", ")}]`);
    if (r.chance(0.005)) {
      let old = `${slug}-${r.pick(["update", "earlier", "first"])}`;
      while (taken.has(old)) old += "-x";
      taken.add(old);
      fm.push(`redirectFrom: [${old}]`);
    }
    fm.push(
      "image:",
      `  src: ${image}`,
      `  alt: ${q(`${r.pick(["People", "Workers", "Visitors", "Residents"])} ${r.pick(CAPTION_VERBS)} in ${c.place}.`)}`,
      `  caption: ${q(`${c.person} ${r.pick(CAPTION_VERBS)} in ${c.place}. ${r.pick(CLOSERS)}`)}`,
      `  credit: ${q(`Photo by ${person(r, world)} for The Meridian Ledger`)}`,
    );
    if (r.chance(0.02)) {
      fm.push(
        "corrections:",
        `  - date: ${isoDate(Math.min(now, publishedAt + DAY))}`,
        `    text: ${q(`An earlier version of this story misspelt the name of ${c.person}.`)}`,
      );
    }
    fm.push("---");

    // The body: 300 to 1,200 words.
    const target = r.between(300, 1200);
    const body: string[] = [];
    if (type === "sponsored")
      body.push(`*This article is paid for and supplied by ${c.company}. It was not written by the Meridian Ledger's newsroom.*`);
    let n = 0;
    let paragraphs = 0;
    const moreAt = pool.length && r.chance(0.4) ? r.between(2, 4) : -1;
    const imageAt = r.chance(0.3) ? r.between(3, 6) : -1;
    const socialAt = r.chance(0.1) ? r.between(2, 7) : -1;
    const listAt = r.chance(0.25) ? r.between(4, 8) : -1;
    while (n < target) {
      const p = paragraph(r, world, c);
      body.push(p);
      n += p.split(" ").length;
      paragraphs++;
      if (paragraphs === moreAt) body.push(`<More slug="${pool[pool.length - 1 - r.int(Math.min(pool.length, 500))]}" />`);
      if (paragraphs === imageAt) {
        body.push(
          `<ImageCaption src="${r.pick(images)}" alt="${r.pick(["A crowd", "A quiet street", "A harbour", "A meeting hall"])} in ${c.place}." caption="${c.place} on ${r.pick(["Monday", "Wednesday", "Saturday"])}. ${r.pick(CLOSERS)}" credit="Photo by ${person(r, world)} for The Meridian Ledger" />`,
        );
      }
      if (paragraphs === socialAt) {
        const who = person(r, world);
        const handle = slugify(who).replace(/-/g, "");
        body.push(`${who}, who lives in ${c.place}, posted about it that morning.`);
        const post = r.chance(0.5)
          ? `href="https://bsky.app/profile/${handle}.bsky.social/post/3k${r.int(1e9).toString(36)}" handle="@${handle}.bsky.social"`
          : `href="https://press.example.social/@${handle}/${100000 + r.int(1e9)}" handle="@${handle}@press.example.social"`;
        body.push(
          `<SocialPost author="${who}" ${post} date="${iso(publishedAt - r.between(1, 600) * 60_000)}">\n${r.pick(QUOTES)}. ${cap(c.subject)} again.\n</SocialPost>`,
        );
      }
      if (paragraphs === listAt) body.push(list(r, world, c));
      if (paragraphs % 5 === 0 && n < target - 100) body.push(heading(r, c));
      if (paragraphs === 6 && related.size && r.chance(0.3))
        body.push(`Read our earlier coverage: [${c.noun} in ${c.place}](/articles/${[...related][0]}).`);
    }
    body.push(r.pick(CLOSERS));
    words += n;

    const text = `${fm.join("\n")}\n${body.join("\n\n")}\n`;
    bytes += text.length;
    fs.writeFileSync(path.join(outDir, "articles", `${slug}.mdx`), text);
    if (draft) draftSlugs.push(slug);
    else {
      publicSlugs.push(slug);
      earlier.push(slug);
    }
  }
  return { publicSlugs, draftSlugs, sampleSlugs, tags: world.tags.length, words, bytes, ms: performance.now() - started };
}

function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const seed = Number(flag("--seed") ?? 1);
  const now = Number(flag("--now") ?? Date.now());
  const [countArg, outDir] = args;
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 0 || !outDir) {
    console.error("usage: tsx bench/archive.ts <count> <outDir> [--seed N] [--now <ms since epoch>]");
    process.exit(2);
  }
  const res = generateArchive({ count, outDir: path.resolve(outDir), seed, now });
  console.log(
    `Wrote ${count} stories (${res.publicSlugs.length} public, ${res.draftSlugs.length} drafts) + ${res.sampleSlugs.length} samples, ` +
      `${res.tags} tags, ${(res.words / Math.max(count, 1)).toFixed(0)} words per story, ${(res.bytes / 1e6).toFixed(1)} MB, ` +
      `to ${outDir} in ${(res.ms / 1000).toFixed(1)} s`,
  );
}

if (require.main === module) main();
