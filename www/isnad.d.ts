// Types of Isnad's JavaScript shell (the wasm core's own are in pkg/isnad.d.ts).

export type Kind = 'claim' | 'source' | 'assessment';

/** A W3C Web Annotation as Isnad reads and writes it (other properties are kept). */
export interface Annotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld' | string | unknown[];
  id: string;
  type: 'Annotation';
  motivation?: string;
  body: Body[] | Body;
  target: { source: string; selector: Selector | Selector[] } | unknown;
  /** Isnad's details: stance, cue, claim type, confidence, entity, and an editor's rating and note. */
  isnad?: {
    stance?: string;
    cue?: string;
    claimType?: string;
    confidence?: number;
    entity?: string;
    unsourced?: boolean;
    rating?: { value: number; best: number; worst: number; label: string; date?: string };
    note?: string;
    reviewed?: 'accepted';
  };
  [more: string]: unknown;
}

export type Body =
  | { type: 'TextualBody'; purpose?: 'classifying' | 'tagging' | 'commenting' | string; value: string; [more: string]: unknown }
  | { type: 'SpecificResource'; purpose?: 'linking' | string; source: string; [more: string]: unknown };

export type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'CssSelector'; value: string; refinedBy?: Selector }
  | { type: string; [more: string]: unknown };

export interface Range { start: number; end: number; kind: Kind; id?: string }

export interface Store {
  list(page: string): Promise<Annotation[] | { items: Annotation[] }>;
  create(a: Annotation): Promise<unknown>;
  update(a: Annotation): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  on?(event: 'error' | 'conflict', listener: (detail: unknown) => void): void;
  off?(event: 'error' | 'conflict', listener: (detail: unknown) => void): void;
}

export interface MountOptions {
  /** Highlights open a popover; claims panel, density bar; in editor mode a selection toolbar. */
  ui?: boolean;
  /** Find claims, sources and assessments at once. */
  detect?: boolean;
  mode?: 'reader' | 'editor';
  /** The interface's language; default: the page's `lang`. */
  lang?: 'ar' | 'en' | string;
  /** false turns the keyboard shortcuts off (Escape still closes). */
  shortcuts?: boolean;
  store?: 'memory' | 'local' | Store;
}

export interface Handle {
  readonly root: Element;
  readonly store: Store | null;
  text(): string;
  highlight(ranges: Range[]): Range[];
  detect(): Annotation[];
  load(annotations: Annotation[] | { items: Annotation[] }): { anchored: number; orphans: number };
  annotations(): Annotation[];
  orphans(): Annotation[];
  status(id: string): 'exact' | 'moved' | 'fuzzy' | 'orphan' | undefined;
  add(annotation: Omit<Annotation, 'id'> & { id?: string }): Annotation;
  update(annotation: Annotation): Annotation;
  remove(id: string): boolean;
  /** Opens the annotation's popover (with the interface) and emits `select`. */
  select(id: string): boolean;
  on(event: 'create' | 'update' | 'delete' | 'select', listener: (a: Annotation) => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  on(event: 'conflict', listener: (c: { mine: Annotation; theirs: Annotation; error: Error }) => void): void;
  off(event: string, listener: (...args: any[]) => void): void;
  claimReviews(publisher: { name: string; url: string; articleDate?: string }): object[];
  importHypothesis(rows: unknown): { anchored: number; orphans: number; skipped: number };
  markCount(): number;
  clear(): void;
  destroy(): void;
}

export declare const Isnad: {
  mount(root?: Element | string | null, options?: MountOptions): Promise<Handle>;
};
export declare function describe(root: Element, range: globalThis.Range, options?: { rootSelector?: string }): Promise<Selector[]>;
/** Detection on a text without a page: annotations whose positions count code points of `text`. */
export declare function detectText(text: string, page?: string): Promise<Annotation[]>;
/** What detectText finds, counted (`unsourced` claims are among `claims`). */
export declare function summarizeText(text: string): Promise<{ claims: number; unsourced: number; sources: number; assessments: number }>;
export declare function anchor(root: Element, selectors: Selector[]): Promise<{ range: globalThis.Range; status: 'exact' | 'moved' | 'fuzzy' } | null>;
export default Isnad;
