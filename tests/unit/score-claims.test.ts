import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareClaim } from '../../src/pipeline/prepare-claim.ts';
import { FEATURE_NAMES, matchFeatures } from '../../src/pipeline/match-features.ts';
import { committedModel, CONTEXT_FEATURES, isScored, scoreClaims, scorePairs } from '../../src/pipeline/score-claims.ts';
import { loadWordVectors } from '../../src/build/word-vectors-file.ts';
import model from '../../src/pipeline/matcher-model.json' with { type: 'json' };

const vectors = loadWordVectors();
const read = (text: string) => prepareClaim(text, 'en', undefined, vectors);
const score = (a: string, b: string) => scoreClaims(read(a), read(b));
const feature = (name: (typeof FEATURE_NAMES)[number], a: string, b: string) =>
  matchFeatures(read(a), read(b))[FEATURE_NAMES.indexOf(name)];

const LONG = 'The storm cut power to 40,000 homes and closed the main airport for two days, officials said on Sunday.';

test('the same sentence in other words and another order is the same claim', () => {
  const r = score(
    'The city council approved a new budget for road repairs on Tuesday.',
    'On Tuesday, the city council approved its new budget for repairing roads.',
  );
  assert.equal(r.match, true);
  assert.equal(r.reason, 'model');
});

test('a claim copied word for word scores close to 1, and scores are symmetric and in [0, 1]', () => {
  const a = 'Shares of the carmaker rose 5 percent to $21.50 on Friday.';
  const b = "The carmaker's shares rose 5 percent on Friday to $21.50.";
  assert.ok(score(a, a).score > 0.95 && score(a, a).score <= 1);
  assert.deepEqual(score(a, b), score(b, a));
});

test('different numbers make two otherwise equal claims less alike', () => {
  const a = 'Shares of the carmaker rose 5 percent to $21.50 on Friday.';
  const same = score(a, "The carmaker's shares rose 5 percent on Friday to $21.50.").score;
  const other = score(a, "The carmaker's shares rose 9 percent on Friday to $23.80.").score;
  assert.ok(other < same, `${other} should be below ${same}`);
  assert.equal(feature('numbersDiffer', a, "The carmaker's shares rose 9 percent on Friday to $23.80."), 1);
  assert.equal(feature('numbersDiffer', a, "The carmaker's shares rose 5 percent on Friday to $21.50."), 0);
});

test('spelled-out numbers, British spellings and dotted acronyms count as the same words', () => {
  assert.equal(feature('contentDice', 'Twenty-seven people were hurt.', '27 people were hurt.'), 1);
  assert.equal(feature('contentDice', 'The centre was modernised.', 'The center was modernized.'), 1);
  assert.equal(feature('contentDice', 'The U.S. Navy seized the tanker.', 'The US Navy seized the tanker.'), 1);
});

test('a negation on one side only is seen, and a word negated on one side only is a polarity conflict', () => {
  const plain = 'The minister resigned after the audit.';
  assert.equal(feature('negationDiffers', plain, 'The minister did not resign after the audit.'), 1);
  assert.equal(feature('polarityConflict', plain, 'The minister did not resign after the audit.'), 1);
  assert.equal(feature('polarityConflict', plain, 'The minister refused to resign after the audit.'), 1);
  assert.equal(feature('negationDiffers', plain, 'After the audit, the minister resigned.'), 0);
  assert.equal(feature('polarityConflict', 'He did not pay.', 'He failed to pay.'), 0);
});

test('two claims that name only different years tell of different events, and a count with a separator is no year', () => {
  const won = 'The club won the national cup in 1998 after a penalty shoot-out.';
  assert.equal(feature('yearsDiffer', won, 'The club won the national cup in 2004 after a penalty shoot-out.'), 1);
  assert.equal(feature('yearsDiffer', won, 'In 1998 the club won the national cup after a penalty shoot-out.'), 0);
  assert.equal(feature('yearsDiffer', won, 'The club won the national cup after a penalty shoot-out.'), 0);
  assert.equal(feature('yearsDiffer', 'The fire destroyed 1,900 homes in 2019.', 'The fire destroyed 1,950 homes in 2019.'), 0);
  assert.equal(feature('yearsDiffer', 'The fire destroyed homes in 1987 and 2019.', 'The fire destroyed homes in 2019.'), 0);
  const led = 'Rivera, a former coach, led the club to the national cup in 1998, officials recalled.';
  const other = score(led, 'The club took the national cup in 2004 under Rivera.').score;
  const same = score(led, 'The club took the national cup in 1998 under Rivera.').score;
  assert.ok(other < same, `${other} should be below ${same}`);
});

test('word order counts: a reordered sentence shares words but not their sequence', () => {
  const a = 'The police officer arrested the protester outside parliament on Monday.';
  const reordered = 'On Monday outside parliament the protester was arrested by the police officer.';
  assert.equal(feature('lcsLonger', a, a), 1);
  assert.ok(feature('lcsLonger', a, reordered) < 0.7);
  assert.ok(feature('trigramDice', a, reordered) < feature('trigramDice', a, a));
});

test('a short claim said within a long sentence matches it, and so does the other claim of that sentence', () => {
  const airport = score(LONG, 'The main airport was closed for two days.');
  const power = score(LONG, 'The storm cut power to forty thousand homes.');
  assert.deepEqual([airport.match, power.match], [true, true]);
});

test('the same claim in other words matches through the word vectors, not through shared words alone', () => {
  const a = 'The envoy rejected the allegations as propaganda, officials said.';
  const b = 'The envoy dismissed the accusations as propaganda, officials said.';
  assert.ok(feature('softCoverMin', a, b) > feature('rareCoverMin', a, b), 'synonyms count as partly said');
  const plain = matchFeatures(prepareClaim(a), prepareClaim(b));
  assert.equal(plain[FEATURE_NAMES.indexOf('softCoverMin')], plain[FEATURE_NAMES.indexOf('rareCoverMin')], 'without vectors only the same words count');
  assert.equal(score(a, b).match, true);
});

test('abbreviations with and without dots read as the same word', () => {
  assert.equal(feature('contentDice', 'Lt. Gen. Faiz Hameed visited Kabul.', 'Lieutenant General Faiz Hameed visited Kabul.'), 1);
  assert.equal(feature('contentDice', 'The F.B.I. opened an inquiry.', 'The FBI opened an inquiry.'), 1);
  assert.equal(feature('contentDice', 'Talks resume on Sept. 14.', 'Talks resume on September 14.'), 1);
});

test('sentences that share only names stay apart', () => {
  const r = score(
    'Prime Minister Jane Doe met President Lee Kwan in Geneva on Monday.',
    'Jane Doe and President Lee Kwan will attend an energy summit in Geneva next spring.',
  );
  assert.equal(r.match, false);
});

test('a sentence that shares almost nothing is never a match, however the model extrapolates', () => {
  assert.equal(score('Here are more details.', LONG).match, false);
  assert.equal(score('', LONG).match, false);
});

test('two claims quoting the same words of the same speaker match even when the words around the quotation differ', () => {
  const r = score(
    'Asked about the budget, Mayor Ines Varga said it was "a plan that puts families first".',
    'Critics gathered on Sunday after Varga said “a plan that puts families first” was on the way.',
  );
  assert.deepEqual([r.match, r.reason], [true, 'quotation']);
  const scare = score('The mayor praised the ‘historic’ budget at a rally.', 'Critics said the ‘historic’ budget would raise taxes.');
  assert.notEqual(scare.reason, 'quotation', 'a one-word scare quote is no quotation');
});

test('a shared quotation put in two different mouths, or denied on one side, is not the same claim', () => {
  const quote = '“a plan that puts families first”';
  assert.equal(score(`Varga said the budget was ${quote}.`, `Okafor said the budget was ${quote}.`).match, false);
  assert.equal(
    score(`The budget was not ${quote}, the union leader argued.`, `The union leader called the budget ${quote} on Friday.`).reason,
    undefined,
  );
});

test('a straight single-quoted phrase counts as a quotation', () => {
  const r = score(
    "Okafor said the talks had reached 'a point of no return' by Monday night.",
    'The talks reached “a point of no return” as Okafor put it.',
  );
  assert.equal(r.match, true);
});

test('a match is exactly a score at or above the threshold, or a shared quotation', () => {
  const pairs: [string, string][] = [
    [LONG, 'The main airport was closed for two days.'],
    [LONG, 'Insurers have not yet estimated the damage.'],
    ['The bank raised rates on Thursday.', 'On Thursday the bank raised rates.'],
    ['Here are more details.', LONG],
  ];
  for (const [a, b] of pairs) {
    const r = score(a, b);
    if (r.reason !== 'quotation') assert.equal(r.score >= committedModel().threshold, r.match, `${a} / ${b}: ${r.score}`);
    assert.ok(r.score >= 0 && r.score <= 1);
  }
});

test('in a story, a pair scores lower when one of its claims has a closer counterpart, and alone as scoreClaims scores it', () => {
  const left = ['The storm closed the main airport for two days, officials said.'].map(read);
  const right = ['Officials said the storm shut the main airport for two days.', 'Officials said the storm would pass in two days.'].map(read);
  const [close, rival] = scorePairs(left, right, [[0, 1]]);
  assert.deepEqual([close!.b, rival!.b], [0, 1]);
  const alone = scoreClaims(left[0]!, right[1]!);
  assert.ok(rival!.score < alone.score, `${rival!.score} beside a closer counterpart, ${alone.score} alone`);
  assert.ok(close!.score > rival!.score);
  assert.deepEqual(scorePairs(left, [right[1]!], [[0]]), [{ a: 0, b: 0, ...alone }]);
});

test('scorePairs scores only the pairs the site scores, the same both ways round', () => {
  const claims = [
    LONG,
    'The main airport was closed for two days.',
    'The storm cut power to forty thousand homes.',
    'The main airport was not closed for two days.',
    'Insurers have not yet estimated the damage.',
    'Asked about the budget, the mayor said it was "a plan that puts families first".',
    'Critics mocked what the council called “a plan that puts families first” at a rally on Sunday.',
    'The bank raised rates on Thursday.',
    'On Thursday the bank raised rates.',
    'Here are more details.',
    '',
  ].map(read);
  const every = claims.map(() => claims.map((_, j) => j));
  const forward = scorePairs(claims, claims, every);
  const scored = claims.flatMap((a, i) => claims.flatMap((b, j) => (isScored(a, b) ? [[i, j]] : [])));
  assert.deepEqual(forward.map((p) => [p.a, p.b]), scored);
  const backward = scorePairs(claims, claims, every).map((p) => ({ ...p, a: p.b, b: p.a }));
  assert.deepEqual(backward.sort((p, q) => p.a - q.a || p.b - q.b), forward);
  assert.ok(forward.filter((p) => p.match).length > claims.length - 2, 'the pairs include matches besides each claim with itself');
});

test('every feature is symmetric in its two claims', () => {
  const a = read('The bank raised interest rates by half a point, its first rise in 10 years.');
  const b = read('Interest rates were not raised by the bank on Thursday, officials said.');
  assert.deepEqual(matchFeatures(a, b), matchFeatures(b, a));
});

test('the committed model has one weight per feature in each stage and records how it was trained', () => {
  assert.deepEqual(model.pair.features, [...FEATURE_NAMES]);
  assert.deepEqual(model.context.features, [...CONTEXT_FEATURES]);
  for (const key of ['mean', 'std', 'weights'] as const) {
    assert.equal(model.pair[key].length, FEATURE_NAMES.length);
    assert.equal(model.context[key].length, CONTEXT_FEATURES.length);
  }
  assert.ok(model.threshold > 0 && model.threshold < 1);
  assert.equal(model.training.command, 'npm run train-matcher');
  assert.ok(model.training.positives > 0 && model.training.pairs > model.training.positives);
});
