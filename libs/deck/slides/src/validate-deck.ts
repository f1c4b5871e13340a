import { DeckRenderError, type DeckIssue } from './deck-render.error.ts';
import { DECK_THEMES, type Deck, type NumberFormat, type Slide } from './slide.model.ts';

const NUMBER_FORMATS: readonly NumberFormat[] = ['integer', 'percent', 'decimal', 'duration'];
const CHART_TYPES = ['bar', 'line', 'doughnut'];

/**
 * Checks what the types cannot promise once a deck has been assembled from stored data:
 * finite numbers, one value per chart label, one cell per table column, a usable locale.
 * Throws `DeckRenderError` (`DECK_INVALID`) listing every problem at once.
 */
export function assertValidDeck(deck: Deck): void {
  const issues: DeckIssue[] = [];
  const issue = (path: string, message: string): void => {
    issues.push({ path, message });
  };
  const text = (value: unknown, path: string, optional = false): void => {
    if (optional && value === undefined) return;
    if (typeof value !== 'string') issue(path, 'must be a string');
  };
  const finite = (value: unknown, path: string): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) issue(path, 'must be a finite number');
  };
  const format = (value: unknown, path: string, optional = false): void => {
    if (optional && value === undefined) return;
    if (!NUMBER_FORMATS.includes(value as NumberFormat)) issue(path, `must be one of ${NUMBER_FORMATS.join(', ')}`);
  };
  const nonEmpty = (value: unknown, path: string): value is unknown[] => {
    if (!Array.isArray(value)) {
      issue(path, 'must be an array');
      return false;
    }
    if (value.length === 0) issue(path, 'must not be empty');
    return true;
  };

  text(deck.title, 'title');
  try {
    if (Intl.getCanonicalLocales(deck.language).length !== 1) issue('language', 'must be one BCP 47 language tag');
  } catch {
    issue('language', 'must be a BCP 47 language tag');
  }
  if (deck.theme !== undefined && !DECK_THEMES.includes(deck.theme)) issue('theme', `must be one of ${DECK_THEMES.join(', ')}`);
  if (nonEmpty(deck.slides, 'slides')) {
    deck.slides.forEach((slide, i) => checkSlide(slide, `slides[${i}]`));
  }
  if (issues.length > 0) throw new DeckRenderError('DECK_INVALID', 'The deck cannot be rendered', issues);

  function checkSlide(slide: Slide, at: string): void {
    text(slide.notes, `${at}.notes`, true);
    switch (slide.kind) {
      case 'title':
        text(slide.title, `${at}.title`);
        text(slide.subtitle, `${at}.subtitle`, true);
        text(slide.period, `${at}.period`, true);
        text(slide.audience, `${at}.audience`, true);
        return;
      case 'section':
        text(slide.title, `${at}.title`);
        text(slide.subtitle, `${at}.subtitle`, true);
        return;
      case 'kpis':
        text(slide.title, `${at}.title`);
        if (nonEmpty(slide.cards, `${at}.cards`)) {
          slide.cards.forEach((card, c) => {
            const cardAt = `${at}.cards[${c}]`;
            text(card.label, `${cardAt}.label`);
            finite(card.value, `${cardAt}.value`);
            format(card.format, `${cardAt}.format`);
            text(card.hint, `${cardAt}.hint`, true);
            if (card.delta) {
              finite(card.delta.value, `${cardAt}.delta.value`);
              format(card.delta.format, `${cardAt}.delta.format`, true);
              if (!['up', 'down', 'flat'].includes(card.delta.direction)) issue(`${cardAt}.delta.direction`, 'must be up, down or flat');
              if (!['up', 'down'].includes(card.delta.goodWhen)) issue(`${cardAt}.delta.goodWhen`, 'must be up or down');
              text(card.delta.label, `${cardAt}.delta.label`, true);
            }
          });
        }
        return;
      case 'chart': {
        text(slide.title, `${at}.title`);
        text(slide.caption, `${at}.caption`, true);
        if (!CHART_TYPES.includes(slide.type)) issue(`${at}.type`, `must be one of ${CHART_TYPES.join(', ')}`);
        if (slide.valueFormat !== undefined && !['integer', 'percent', 'decimal'].includes(slide.valueFormat)) {
          issue(`${at}.valueFormat`, 'must be integer, percent or decimal');
        }
        const labelsOk = nonEmpty(slide.labels, `${at}.labels`);
        if (labelsOk) slide.labels.forEach((label, l) => text(label, `${at}.labels[${l}]`));
        if (nonEmpty(slide.series, `${at}.series`)) {
          // A doughnut with several series draws nested rings nobody in the room can read.
          if (slide.type === 'doughnut' && slide.series.length > 1) issue(`${at}.series`, 'a doughnut shows exactly one series');
          slide.series.forEach((series, s) => {
            const seriesAt = `${at}.series[${s}]`;
            text(series.name, `${seriesAt}.name`);
            if (!Array.isArray(series.values)) return issue(`${seriesAt}.values`, 'must be an array');
            if (labelsOk && series.values.length !== slide.labels.length) {
              issue(`${seriesAt}.values`, `has ${series.values.length} values for ${slide.labels.length} labels`);
            }
            series.values.forEach((value, v) => {
              finite(value, `${seriesAt}.values[${v}]`);
              if (slide.type === 'doughnut' && value < 0) issue(`${seriesAt}.values[${v}]`, 'must not be negative in a doughnut');
            });
          });
        }
        return;
      }
      case 'bullets':
        text(slide.title, `${at}.title`);
        if (nonEmpty(slide.items, `${at}.items`)) slide.items.forEach((item, i) => text(item, `${at}.items[${i}]`));
        return;
      case 'narrative':
        text(slide.kicker, `${at}.kicker`, true);
        text(slide.headline, `${at}.headline`);
        if (nonEmpty(slide.paragraphs, `${at}.paragraphs`)) slide.paragraphs.forEach((p, i) => text(p, `${at}.paragraphs[${i}]`));
        return;
      case 'table': {
        text(slide.title, `${at}.title`);
        if (!nonEmpty(slide.columns, `${at}.columns`)) return;
        slide.columns.forEach((column, c) => {
          if (typeof column === 'string') return;
          text(column.label, `${at}.columns[${c}].label`);
          format(column.format, `${at}.columns[${c}].format`, true);
        });
        if (!Array.isArray(slide.rows)) return issue(`${at}.rows`, 'must be an array');
        slide.rows.forEach((row, r) => {
          if (!Array.isArray(row)) return issue(`${at}.rows[${r}]`, 'must be an array');
          if (row.length !== slide.columns.length) issue(`${at}.rows[${r}]`, `has ${row.length} cells for ${slide.columns.length} columns`);
          row.forEach((cell, c) => {
            if (typeof cell === 'number') finite(cell, `${at}.rows[${r}][${c}]`);
            else if (cell !== null && typeof cell !== 'string') issue(`${at}.rows[${r}][${c}]`, 'must be a string, a number or null');
          });
        });
        return;
      }
      case 'quotes':
        text(slide.title, `${at}.title`);
        if (nonEmpty(slide.quotes, `${at}.quotes`)) {
          slide.quotes.forEach((quote, q) => {
            text(quote.text, `${at}.quotes[${q}].text`);
            text(quote.author, `${at}.quotes[${q}].author`, true);
            text(quote.network, `${at}.quotes[${q}].network`, true);
            if (quote.sentiment !== undefined && !['positive', 'neutral', 'negative', 'mixed'].includes(quote.sentiment)) {
              issue(`${at}.quotes[${q}].sentiment`, 'must be positive, neutral, negative or mixed');
            }
          });
        }
        return;
      default:
        issue(`${at}.kind`, `unknown slide kind ${JSON.stringify((slide as { kind: unknown }).kind)}`);
    }
  }
}
