/**
 * Every text/background pair in the palette meets WCAG AA for body text (4.5:1), as the elderly
 * residents need (适老化). Colours are read from _tokens.scss so the check cannot drift.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const source = readFileSync(path.join(__dirname, '_tokens.scss'), 'utf8');
const tokens = new Map(
  [...source.matchAll(/^\$([a-z-]+):\s*(#[0-9a-f]{6});/gim)].map((m) => [m[1], m[2]]),
);

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// [text, background] as used by the components.
const PAIRS: Array<[string, string]> = [
  ['ink', 'paper'],
  ['ink', 'paper-alt'],
  ['ink-muted', 'paper'],
  ['ink-muted', 'paper-alt'],
  ['primary', 'paper'],
  ['on-primary', 'primary'],
  ['open-ink', 'open-bg'],
  ['closed-ink', 'closed-bg'],
  ['later-ink', 'later-bg'],
  ['on-badge', 'badge-queue'],
  ['on-badge', 'badge-booking'],
  ['on-badge', 'badge-drop-in'],
  ['demo-ink', 'demo-bg'],
  ['error-ink', 'paper'],
  ['open-ink', 'paper'],
  // Booking statuses in words on white cards (候补中 / 已取消 / 未到).
  ['later-ink', 'paper'],
  ['closed-ink', 'paper'],
  ['called-ink', 'called-bg'],
  ['called-accent', 'called-bg'],
  ['called-bg', 'called-accent'],
  ['primary', 'paper-alt'],
  ['error-ink', 'paper-alt'],
  ['tv-ink', 'tv-bg'],
  ['tv-ink', 'tv-panel'],
  ['tv-muted', 'tv-bg'],
  ['tv-muted', 'tv-panel'],
  ['tv-accent', 'tv-bg'],
  // The activities' times on the board's panels.
  ['tv-accent', 'tv-panel'],
  ['tv-open', 'tv-panel'],
  ['tv-closed', 'tv-panel'],
  // The board's flash: the panel inverted for a few seconds.
  ['tv-panel', 'tv-ink'],
  ['tv-bg', 'tv-accent'],
];

describe('colour contrast', () => {
  it.each(PAIRS)('%s on %s is at least 4.5:1', (fg, bg) => {
    const a = tokens.get(fg);
    const b = tokens.get(bg);
    if (!a || !b) throw new Error(`unknown token ${a ? bg : fg}`);
    expect(contrast(a, b)).toBeGreaterThanOrEqual(4.5);
  });
});
