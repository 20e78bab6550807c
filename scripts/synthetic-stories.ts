/**
 * Synthetic stories for benchmarks: made-up events reported by 2 to 5 outlets (or as many as asked, up to 10), each report 300 to 1,500
 * words, with the overlap real coverage has: facts told in the same words, in edited words or in other words,
 * in a different order, with a number changed here and there; quotations shared word for word; sentences only
 * one outlet prints, and agency copy several outlets share. Deterministic: the same seed and index give the same story.
 */

import type { StoryInput } from '../src/pipeline/types.ts';

export interface SyntheticReport {
  /** File name without `.md`. */
  slug: string;
  outlet: string;
  title: string;
  url: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** The markdown body, paragraphs of sentences. */
  body: string;
  /** The whole file: frontmatter and body. */
  markdown: string;
  words: number;
}

export interface SyntheticStory {
  slug: string;
  title: string;
  summary: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The story.yaml file. */
  yaml: string;
  reports: SyntheticReport[];
}

type Random = () => number;

/** mulberry32: small, fast and good enough to vary text; not for anything secret. */
function randomFrom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const places = ['Northbridge', 'Port Avalon', 'Eastmere', 'Calder Bay', 'Ravensholm', 'Linwood', 'Marlow Heights', 'Stonegate', 'Brackenford', 'Westfall', 'Kestrel Point', 'Ashby Vale', 'Glenmouth', 'Harrowgate', 'Silverlea', 'Oakhurst'];
const firstNames = ['Amina', 'Daniel', 'Priya', 'Tomasz', 'Grace', 'Omar', 'Lena', 'Mateo', 'Yuki', 'Samuel', 'Fatima', 'Jonas', 'Elena', 'Kwame', 'Sofia', 'Ibrahim'];
const lastNames = ['Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Castillo', 'Novak', 'Mensah', 'Tanaka', 'Brennan', 'Rahman', 'Kowalski', 'Adeyemi', 'Fischer', 'Duarte', 'Whitfield', 'Nakamura'];
const roles = ['the regional governor', 'a police spokesperson', 'the health minister', 'the mayor', 'a senior official', 'the fire chief', 'an army commander', 'the company chairman', 'a union leader', 'the transport secretary'];
const events = [
  { noun: 'flood', verb: 'flooded', cause: 'days of heavy rain' },
  { noun: 'fire', verb: 'swept through', cause: 'strong winds and dry weather' },
  { noun: 'strike', verb: 'shut down', cause: 'a dispute over pay' },
  { noun: 'storm', verb: 'battered', cause: 'a deep low-pressure system' },
  { noun: 'protest', verb: 'brought traffic to a halt in', cause: 'anger over rising prices' },
  { noun: 'outbreak', verb: 'spread across', cause: 'contaminated water supplies' },
  { noun: 'landslide', verb: 'buried part of', cause: 'saturated hillsides' },
  { noun: 'power cut', verb: 'left much of', cause: 'a fault at a substation' },
];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const outlets = ['The Daily Ledger', 'Harbour Times', 'Valley Courier', 'Metro Wire', 'The Evening Post', 'Northern Standard', 'Coastal Herald', 'City Dispatch', 'The Observer Review', 'Regional Bulletin'];
const quoteOpenings = ['We are doing everything we can', 'This is the worst we have seen in a generation', 'Nobody should have to live like this', 'We will not rest until every family is safe', 'The coming days will be difficult', 'Our teams have been working around the clock', 'We owe people honest answers', 'Lessons must be learned from this'];
const quoteEndings = ['to help the people affected', 'and we ask for patience', 'but we are not giving up', 'and the government must act now', 'for everyone in this region', 'and we will rebuild together', 'before the next season arrives', 'as quickly as humanly possible'];

interface Fact {
  /** Renderings of the same fact in other words; the first is the plain one. */
  say: (numbers: number[]) => string[];
  numbers: number[];
}

/** The facts of one event, each with several ways to say it. */
function eventFacts(random: Random, place: string, day: string): { facts: Fact[]; quotes: string[]; title: string } {
  const event = pick(random, events);
  const official = `${pick(random, firstNames)} ${pick(random, lastNames)}`;
  const role = pick(random, roles);
  const district = pick(random, places.filter((candidate) => candidate !== place));
  const facts: Fact[] = [
    {
      numbers: [between(random, 3, 90)],
      say: ([n]) => [
        `At least ${n} people were injured when the ${event.noun} ${event.verb} ${place} on ${day}, officials said.`,
        `Officials said ${n} people had been hurt after the ${event.noun} ${event.verb} ${place} on ${day}.`,
        `The ${event.noun} that ${event.verb} ${place} on ${day} left at least ${n} people injured, according to officials.`,
      ],
    },
    {
      numbers: [between(random, 2, 40) * 100],
      say: ([n]) => [
        `About ${n} residents were moved to temporary shelters in ${district}.`,
        `Some ${n} people were evacuated to shelters set up in ${district}.`,
        `Authorities relocated roughly ${n} residents to emergency accommodation in ${district}.`,
      ],
    },
    {
      numbers: [],
      say: () => [
        `${official}, ${role}, said the ${event.noun} had been caused by ${event.cause}.`,
        `The ${event.noun} was blamed on ${event.cause}, according to ${role}, ${official}.`,
        `According to ${official}, the ${event.noun} was caused by ${event.cause}.`,
      ],
    },
    {
      numbers: [between(random, 2, 12)],
      say: ([n]) => [
        `Schools in ${n} districts will remain closed until further notice.`,
        `Classes have been suspended in ${n} districts until further notice.`,
        `${n} districts have closed their schools for the time being.`,
      ],
    },
    {
      numbers: [between(random, 5, 95)],
      say: ([n]) => [
        `The government has promised ${n} million dollars in emergency aid for ${place}.`,
        `An emergency fund of ${n} million dollars was pledged by the government for ${place}.`,
        `${place} will receive ${n} million dollars in emergency support, the government said.`,
      ],
    },
    {
      numbers: [between(random, 2, 9)],
      say: ([n]) => [
        `Rescue teams worked through the night and reached ${n} villages cut off by the ${event.noun}.`,
        `Overnight, rescuers reached ${n} villages that the ${event.noun} had cut off.`,
        `The ${event.noun} cut off ${n} villages, which rescue teams reached during the night.`,
      ],
    },
    {
      numbers: [],
      say: () => [
        `Opposition leaders accused the authorities of ignoring earlier warnings about ${place}.`,
        `The authorities ignored earlier warnings about ${place}, opposition leaders said.`,
        `Earlier warnings about ${place} went unheeded, according to the opposition.`,
      ],
    },
    {
      numbers: [between(random, 1, 30)],
      say: ([n]) => [
        `The main road into ${place} is expected to reopen within ${n} days.`,
        `Officials expect the main road into ${place} to reopen in ${n} days.`,
        `Within ${n} days the main road to ${place} should be open again, officials said.`,
      ],
    },
  ];
  const quotes = Array.from({ length: 3 }, () => `${pick(random, quoteOpenings)} ${pick(random, quoteEndings)}.`);
  const title = `${event.noun[0]!.toUpperCase()}${event.noun.slice(1)} in ${place}`;
  return { facts, quotes: quotes.map((quote) => `"${quote}" ${official} told reporters.`), title };
}

/** A few words changed: an adverb added and a word dropped, as sub-editors do. */
function edited(random: Random, sentence: string): string {
  const words = sentence.split(' ');
  const at = between(random, 1, Math.max(1, words.length - 3));
  words.splice(at, 0, pick(random, ['also', 'reportedly', 'now', 'later']));
  return words.join(' ');
}

const countWords = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

/**
 * Story number `index` of the set generated from `seed`. Sentences only one outlet prints are drawn from
 * `background` (real, unrelated news sentences: see msrp-background in generate-stories.ts), never twice in
 * one story, so that they are as unlike each other as different reports' own sentences are. `reports` asks for
 * that many reports (2 to 10, the site's limit) instead of the 2 to 5 drawn.
 */
export function syntheticStory(seed: number, index: number, background: readonly string[], { reports: reportsWanted }: { reports?: number } = {}): SyntheticStory {
  if (reportsWanted !== undefined && !(Number.isInteger(reportsWanted) && reportsWanted >= 2 && reportsWanted <= outlets.length)) {
    throw new Error(`a synthetic story has 2 to ${outlets.length} reports, not ${reportsWanted}`);
  }
  if (background.length < 400) throw new Error(`synthetic stories need at least 400 background sentences, got ${background.length}`);
  const random = randomFrom(seed * 100_003 + index);
  const place = pick(random, places);
  const day = pick(random, weekdays);
  const { facts, quotes, title } = eventFacts(random, place, day);
  const slug = `story-${String(index + 1).padStart(5, '0')}`;
  const date = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
  // Drawn even when `reports` is given, so the rest of the story comes from the same numbers.
  const drawnCount = between(random, 2, 5);
  const reportCount = reportsWanted ?? drawnCount;
  const chosenOutlets = [...outlets].sort(() => random() - 0.5).slice(0, reportCount);
  let nextBackground = between(random, 0, background.length - 1);
  const step = 7919; // a prime: walking the pool in steps of it visits every sentence before any repeats
  const draw = () => {
    nextBackground = (nextBackground + step) % background.length;
    return background[nextBackground]!;
  };
  // Agency copy: sentences several outlets take from the same wire story, word for word or lightly edited.
  const wire = Array.from({ length: between(random, 8, 20) }, draw);

  const reports = chosenOutlets.map((outlet, r): SyntheticReport => {
    const target = between(random, 340, 1500);
    const sentences: string[] = [];
    for (const fact of facts) {
      if (random() < 0.25) continue;
      // One outlet in five gets a number wrong: a conflict for the comparison to find.
      const numbers = fact.numbers.map((n) => (random() < 0.2 ? n + between(random, 1, 9) : n));
      const ways = fact.say(numbers);
      const roll = random();
      sentences.push(roll < 0.35 ? ways[0]! : roll < 0.5 ? edited(random, ways[0]!) : pick(random, ways.slice(1)));
    }
    for (const quote of quotes) if (random() < 0.6) sentences.push(quote);
    for (const sentence of wire) if (random() < 0.5) sentences.push(random() < 0.7 ? sentence : edited(random, sentence));
    // Reorder a little: swap a few neighbours.
    for (let k = 0; k < 3; k++) {
      const i = between(random, 0, Math.max(0, sentences.length - 2));
      [sentences[i], sentences[i + 1]] = [sentences[i + 1]!, sentences[i]!];
    }
    let words = sentences.reduce((n, sentence) => n + countWords(sentence), 0);
    // Stopping 40 words short of the target keeps the report in range whatever the last sentence's length.
    while (words + 40 <= target) {
      const sentence = draw();
      sentences.splice(between(random, 1, sentences.length), 0, sentence);
      words += countWords(sentence);
    }
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
    const reportSlug = outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || `report-${r + 1}`;
    const headline = `${title}: what we know`;
    const url = `https://news.example/${reportSlug}/${slug}`;
    const body = paragraphs.join('\n\n');
    const markdown = ['---', `title: "${headline}"`, `outlet: ${outlet}`, `url: ${url}`, `published: ${date}`, '---', '', body, ''].join('\n');
    return { slug: reportSlug, outlet, title: headline, url, published: date, body, markdown, words };
  });

  const summary = `A ${title.toLowerCase()} injured people and forced evacuations.`;
  const yaml = [`title: ${title}`, `summary: ${summary}`, `date: ${date}`, ''].join('\n');
  return { slug, title, summary, date, yaml, reports };
}

/** The story as the comparison pipeline takes it (compareStory's input), its reports in English, with no ledger. */
export function syntheticStoryInput(story: SyntheticStory): StoryInput {
  return {
    slug: story.slug,
    title: story.title,
    summary: story.summary,
    date: new Date(story.date),
    reports: story.reports.map((report) => ({
      slug: report.slug,
      outlet: report.outlet,
      title: report.title,
      url: report.url,
      published: new Date(report.published),
      lang: 'en',
      body: report.body,
      source: `content/stories/${story.slug}/${report.slug}.md`,
    })),
  };
}
