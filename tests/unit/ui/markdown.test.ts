import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdown, sectionItems, type Block } from '@src/ui/ranking/markdown.ts';

describe('parseInline', () => {
  it.each([
    ['plain', [{ kind: 'text', text: 'plain' }]],
    [
      'a **bold** word',
      [
        { kind: 'text', text: 'a ' },
        { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
        { kind: 'text', text: ' word' },
      ],
    ],
    [
      '`age_years` stays code',
      [
        { kind: 'code', text: 'age_years' },
        { kind: 'text', text: ' stays code' },
      ],
    ],
    ['snake_case_name is no emphasis', [{ kind: 'text', text: 'snake_case_name is no emphasis' }]],
    [
      'an *italic* and _also_',
      [
        { kind: 'text', text: 'an ' },
        { kind: 'em', children: [{ kind: 'text', text: 'italic' }] },
        { kind: 'text', text: ' and ' },
        { kind: 'em', children: [{ kind: 'text', text: 'also' }] },
      ],
    ],
    ['2 * 3 * 4 is arithmetic', [{ kind: 'text', text: '2 * 3 * 4 is arithmetic' }]],
    ['see [the card](models/cd/MODEL_CARD.md)', [{ kind: 'text', text: 'see the card' }]],
    ['**unclosed', [{ kind: 'text', text: '**unclosed' }]],
    ['escaped \\*star\\*', [{ kind: 'text', text: 'escaped *star*' }]],
  ] as const)('%s', (source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });
});

describe('parseMarkdown', () => {
  it('headings, a quote, lists, a table with an escaped bar, code and a paragraph over two lines', () => {
    const md = [
      '# Model card: X (1.0)',
      '',
      '> **Simulated.**',
      '',
      '## 1. Use',
      '- first item',
      '  continued',
      '- second',
      '1. one',
      '',
      '| input | meaning |',
      '|---|---:|',
      '| `a\\|b` | **yes** |',
      '',
      '```',
      '<b>raw</b>',
      '```',
      'A paragraph',
      'over two lines.',
      '---',
    ].join('\n');
    const blocks = parseMarkdown(md);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'quote', 'heading', 'list', 'table', 'code', 'paragraph', 'rule']);
    const [h1, quote, h2, list, table, code, para] = blocks as [Block, Block, Block, Block, Block, Block, Block];
    expect(h1).toMatchObject({ level: 1 });
    expect(h2).toMatchObject({ level: 2 });
    expect(quote).toEqual({
      kind: 'quote',
      children: [{ kind: 'paragraph', children: [{ kind: 'strong', children: [{ kind: 'text', text: 'Simulated.' }] }] }],
    });
    expect(list.kind === 'list' && list.items.map(inlineText)).toEqual(['first item continued', 'second', 'one']);
    expect(table.kind === 'table' && table.header.map(inlineText)).toEqual(['input', 'meaning']);
    expect(table.kind === 'table' && table.rows.map((r) => r.map(inlineText))).toEqual([['a|b', 'yes']]);
    expect(code).toEqual({ kind: 'code', text: '<b>raw</b>' });
    expect(para.kind === 'paragraph' && inlineText(para.children)).toBe('A paragraph over two lines.');
  });

  it.each(['cd', 'uc', 'ra', 'rms'])('%s: the bundled card parses into its ten numbered sections, with tables and a limitations list', (ind) => {
    const blocks = parseMarkdown(readFileSync(`models/${ind}/MODEL_CARD.md`, 'utf8'));
    const sections = blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => (b.kind === 'heading' ? inlineText(b.children) : ''));
    expect(sections.filter((s) => /^\d+\./.test(s))).toHaveLength(10);
    expect(blocks.filter((b) => b.kind === 'table').length).toBeGreaterThan(3);
    // No table row lost a cell: every row has as many cells as its header.
    const ragged = blocks.flatMap((b) => (b.kind === 'table' ? b.rows.filter((r) => r.length !== b.header.length) : []));
    expect(ragged).toEqual([]);
    expect(sectionItems(blocks, /Limitations/)[0]).toMatch(/^Trained and evaluated on simulated data only/);
  });
});
