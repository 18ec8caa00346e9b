// Five broken copies of the reference slugify, each with one typical bug. Your case table must
// make every one of them give a wrong answer for at least one case ("kill" it). A mutant that
// survives is a bug your tests would let through to production.

export interface Mutant {
  name: string;
  bug: string;
  slugify(title: string, opts?: { maxLength?: number }): string;
}

interface Flaws {
  noFolding?: boolean;
  noCollapse?: boolean;
  keepEdgeDashes?: boolean;
  noLowercase?: boolean;
  noLookahead?: boolean;
}

function mutate(flaws: Flaws): Mutant["slugify"] {
  return (title, opts = {}) => {
    const { maxLength } = opts;
    if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < 1)) {
      throw new RangeError(`maxLength must be a whole number >= 1, got ${maxLength}`);
    }
    let slug = flaws.noFolding ? title : title.normalize("NFKD").replace(/\p{M}/gu, "");
    if (!flaws.noLowercase) slug = slug.toLowerCase();
    const separators = flaws.noLowercase
      ? flaws.noCollapse
        ? /[^A-Za-z0-9]/g
        : /[^A-Za-z0-9]+/g
      : flaws.noCollapse
        ? /[^a-z0-9]/g
        : /[^a-z0-9]+/g;
    slug = slug.replace(separators, "-");
    if (!flaws.keepEdgeDashes) slug = slug.replace(/^-+|-+$/g, "");
    if (maxLength === undefined || slug.length <= maxLength) return slug;
    const lookahead = slug.slice(0, flaws.noLookahead ? maxLength : maxLength + 1);
    const lastDash = lookahead.lastIndexOf("-");
    return lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, maxLength);
  };
}

export const mutants: Mutant[] = [
  {
    name: "lookahead-off-by-one",
    bug: "drops the last word that fits when maxLength falls exactly at the end of that word",
    slugify: mutate({ noLookahead: true }),
  },
  {
    name: "no-unicode-folding",
    bug: "skips the NFKD folding, so accented letters disappear instead of losing their accent",
    slugify: mutate({ noFolding: true }),
  },
  {
    name: "no-collapse",
    bug: "turns each separator character into its own dash, so two spaces or ', ' give '--'",
    slugify: mutate({ noCollapse: true }),
  },
  {
    name: "keeps-edge-dashes",
    bug: "keeps a dash at the start or end when the title starts or ends with spaces or punctuation",
    slugify: mutate({ keepEdgeDashes: true }),
  },
  {
    name: "no-lowercase",
    bug: "forgets to lowercase, so capital letters stay capital",
    slugify: mutate({ noLowercase: true }),
  },
];
