/*
 * A small Markdown reader for the bundled model cards (models/<x>/MODEL_CARD.md): headings, paragraphs,
 * bullet and numbered lists, pipe tables, block quotes, fenced code and rules; inline bold, italics,
 * code spans and links (kept as their text). It returns plain data that MarkdownView renders as React
 * elements, so nothing from the file is ever injected as HTML: a `<script>` in a card is shown as text.
 * Written here instead of adding a Markdown dependency: the cards use only this subset (CommonMark
 * 0.31 names the constructs; edge cases such as nested lists are flattened, never dropped).
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'strong' | 'em'; children: Inline[] } | { kind: 'code'; text: string };

export type Block =
  | { kind: 'heading'; level: number; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'quote'; children: Block[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Pushes text, merging with a preceding text node. */
function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

/** Inline Markdown of one block's text. An unclosed marker is literal text. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\\' && i + 1 < s.length && /[\\`*_[\]()#|>-]/.test(s[i + 1] ?? '')) {
      pushText(out, s[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i) {
        out.push({ kind: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (s.startsWith('**', i)) {
      const end = s.indexOf('**', i + 2);
      if (end > i + 2) {
        out.push({ kind: 'strong', children: parseInline(s.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '[') {
      const m = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(s.slice(i));
      if (m) {
        // A link keeps its text only: the card's links are repository paths, not pages of the app.
        for (const node of parseInline(m[1] ?? '')) {
          if (node.kind === 'text') pushText(out, node.text);
          else out.push(node);
        }
        i += m[0].length;
        continue;
      }
    }
    if ((c === '*' || c === '_') && s[i + 1] !== ' ' && s[i + 1] !== c && (c === '*' || !isWord(s[i - 1]))) {
      let end = s.indexOf(c, i + 1);
      // `_` closes only before a non-word character, so snake_case names stay literal.
      if (c === '_') while (end > 0 && isWord(s[end + 1])) end = s.indexOf('_', end + 1);
      if (end > i + 1 && s[end - 1] !== ' ') {
        out.push({ kind: 'em', children: parseInline(s.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    pushText(out, c);
    i++;
  }
  return out;
}

/** The cells of a table row `| a | b |`; `\|` is a literal bar inside a cell. */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\' && inner[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;

/** Whether a line ends a paragraph: it starts another block (`next` is the line after it, for tables). */
function startsBlock(line: string, next: string): boolean {
  return (
    line.trim() === '' ||
    HEADING.test(line) ||
    FENCE.test(line) ||
    RULE.test(line) ||
    BULLET.test(line) ||
    NUMBERED.test(line) ||
    line.startsWith('>') ||
    (line.includes('|') && TABLE_RULE.test(next))
  );
}

/** Parses a Markdown document into blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const at = (k: number) => lines[k] ?? '';
  while (i < lines.length) {
    const line = at(i);
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (
        i < lines.length &&
        !at(i)
          .trim()
          .startsWith(fence[1] ?? '```')
      )
        body.push(at(i++));
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (line.includes('|') && TABLE_RULE.test(at(i + 1))) {
      const header = cells(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && at(i).includes('|') && at(i).trim() !== '') rows.push(cells(at(i++)).map(parseInline));
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    if (line.startsWith('>')) {
      const body: string[] = [];
      while (i < lines.length && at(i).startsWith('>')) body.push(at(i++).replace(/^>\s?/, ''));
      blocks.push({ kind: 'quote', children: parseMarkdown(body.join('\n')) });
      continue;
    }
    const bullet = BULLET.test(line);
    if (bullet || NUMBERED.test(line)) {
      const pattern = bullet ? BULLET : NUMBERED;
      const items: string[] = [];
      while (i < lines.length) {
        const l = at(i);
        const m = pattern.exec(l) ?? (bullet ? NUMBERED : BULLET).exec(l);
        if (m) items.push(m[1] ?? '');
        else if (l.trim() !== '' && /^\s+/.test(l) && items.length > 0) items[items.length - 1] += ` ${l.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered: !bullet, items: items.map(parseInline) });
      continue;
    }
    const para: string[] = [line.trim()];
    i++;
    while (i < lines.length && !startsBlock(at(i), at(i + 1))) para.push(at(i++).trim());
    blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

/** The text of inline nodes, markers removed. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' || n.kind === 'code' ? n.text : inlineText(n.children))).join('');
}

/**
 * The bullet items of the section whose heading matches `title` (e.g. /limitations/i), as plain text;
 * empty when the card has no such section.
 */
export function sectionItems(blocks: readonly Block[], title: RegExp): string[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && title.test(inlineText(b.children)));
  if (start < 0) return [];
  const head = blocks[start];
  const level = head?.kind === 'heading' ? head.level : 1;
  const out: string[] = [];
  for (const b of blocks.slice(start + 1)) {
    if (b.kind === 'heading' && b.level <= level) break;
    if (b.kind === 'list') out.push(...b.items.map(inlineText));
  }
  return out;
}
