// The key registry: every builder writes into its own context's key space, and no context's prefix can be
// read as another's, so a Query on one partition never finds another context's items.
import { describe, expect, it } from 'vitest';
import { KEY_SPACES, keys } from '../../functions/platform/dynamodb/keys';

type Space = keyof typeof KEY_SPACES;
const spaces = Object.entries(KEY_SPACES) as [Space, (typeof KEY_SPACES)[Space]][];

/** The partition keys (table and index) a builder produces, called with placeholder arguments. */
function partitions(builder: unknown): string[] {
  if (typeof builder === 'string') return [];
  const made = typeof builder === 'function' ? (builder as (...args: unknown[]) => unknown)('a', 'b', 'c', 'd') : builder;
  if (typeof made === 'string') return [made];
  const item = made as Record<string, string>;
  return [item.pk, item.gsi1pk, item.gsi2pk].filter((v): v is string => typeof v === 'string');
}

/** Prefixes of different spaces where one starts the other. */
function clashes(list: [string, { prefixes: readonly string[] }][]): string[] {
  const owned = list.flatMap(([space, { prefixes }]) => prefixes.map((prefix) => ({ space, prefix })));
  return owned.flatMap((a) =>
    owned.filter((b) => a.space !== b.space && b.prefix.startsWith(a.prefix)).map((b) => `${a.space}:${a.prefix} ~ ${b.space}:${b.prefix}`),
  );
}

describe('the key registry', () => {
  it('lets no prefix of one context start another context’s prefix', () => {
    expect(clashes(spaces)).toEqual([]);
  });

  it.each(spaces)('keeps every %s builder in its own key space', (_space, { builders, prefixes }) => {
    for (const [name, builder] of Object.entries(builders)) {
      // sessionRef writes into the account's partition (VOLUNTEER# or STAFF#) by design: it is passed in.
      if (name === 'sessionRef' || name.endsWith('Sort')) continue;
      for (const pk of partitions(builder))
        expect(
          prefixes.some((p) => pk.startsWith(p)),
          `${name}: ${pk}`,
        ).toBe(true);
    }
  });

  it('has every builder in exactly one section', () => {
    const names = spaces.flatMap(([, { builders }]) => Object.keys(builders));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(Object.keys(keys).sort()).toEqual([...names].sort());
  });

  it('would catch a clash (the check is live)', () => {
    expect(clashes([...spaces, ['planted', { prefixes: ['REQUEST#NOTES#'] }]])).toEqual(['stepped-care:REQUEST# ~ planted:REQUEST#NOTES#']);
  });
});
