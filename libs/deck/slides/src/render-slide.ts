import { html, type HtmlValue, type SafeHtml } from './html.ts';
import { intlOptionsFor, type NumberFormatter } from './number-format.ts';
import type {
  BulletsSlide,
  ChartSlide,
  KpiCard,
  KpisSlide,
  NarrativeSlide,
  QuotesSlide,
  SectionSlide,
  Slide,
  TableColumn,
  TableSlide,
  TitleSlide,
} from './slide.model.ts';

export interface SlideRenderContext {
  format: NumberFormatter;
}

/** What the browser script needs to draw a chart; read back with `JSON.parse(canvas.dataset.chart)`. */
export interface ChartSpec {
  type: ChartSlide['type'];
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
  number: Intl.NumberFormatOptions;
}

export function renderSlide(slide: Slide, ctx: SlideRenderContext): SafeHtml {
  switch (slide.kind) {
    case 'title':
      return titleSlide(slide);
    case 'section':
      return sectionSlide(slide);
    case 'kpis':
      return contentSlide(slide, slide.title, kpiCards(slide, ctx));
    case 'chart':
      return contentSlide(slide, slide.title, chart(slide));
    case 'bullets':
      return contentSlide(slide, slide.title, bullets(slide));
    case 'narrative':
      return narrativeSlide(slide);
    case 'table':
      return contentSlide(slide, slide.title, table(slide, ctx));
    case 'quotes':
      return contentSlide(slide, slide.title, quotes(slide));
  }
}

function notes(text: string | undefined): SafeHtml | null {
  if (text === undefined || text.trim() === '') return null;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return html`<aside class="notes">${paragraphs.map((p) => html`<p>${p}</p>`)}</aside>`;
}

function titleSlide(slide: TitleSlide): SafeHtml {
  const meta = [slide.period, slide.audience].filter((part): part is string => Boolean(part));
  return html`<section class="hd-slide hd-slide-title center" data-kind="title">
<div class="hd-frame">
<h1 class="hd-title-text">${slide.title}</h1>
${slide.subtitle ? html`<p class="hd-subtitle">${slide.subtitle}</p>` : null}
${meta.length ? html`<p class="hd-meta">${meta.map((part) => html`<span>${part}</span>`)}</p>` : null}
</div>
${notes(slide.notes)}
</section>`;
}

function sectionSlide(slide: SectionSlide): SafeHtml {
  return html`<section class="hd-slide hd-slide-section center" data-kind="section">
<div class="hd-frame">
<h2 class="hd-section-title">${slide.title}</h2>
${slide.subtitle ? html`<p class="hd-subtitle">${slide.subtitle}</p>` : null}
</div>
${notes(slide.notes)}
</section>`;
}

function contentSlide(slide: Slide, title: string, body: HtmlValue): SafeHtml {
  return html`<section class="hd-slide hd-slide-${slide.kind}" data-kind="${slide.kind}">
<div class="hd-frame">
<h2 class="hd-heading">${title}</h2>
<div class="hd-body">${body}</div>
</div>
${notes(slide.notes)}
</section>`;
}

/** Columns per row for n cards or quotes: rows of up to four, never one orphan on its own row. */
function columnsFor(count: number, max: number): number {
  if (count <= max) return count;
  const rows = Math.ceil(count / max);
  return Math.ceil(count / rows);
}

function kpiCards(slide: KpisSlide, ctx: SlideRenderContext): SafeHtml {
  return html`<div class="hd-kpi-grid hd-cols-${columnsFor(slide.cards.length, 4)}">${slide.cards.map((card) => kpiCard(card, ctx))}</div>`;
}

function kpiCard(card: KpiCard, ctx: SlideRenderContext): SafeHtml {
  const value = ctx.format(card.value, card.format, { compact: card.compact ?? false });
  let delta: SafeHtml | null = null;
  if (card.delta) {
    const { direction, goodWhen } = card.delta;
    const tone = direction === 'flat' ? 'neutral' : direction === goodWhen ? 'good' : 'bad';
    const magnitude = ctx.format(Math.abs(card.delta.value), card.delta.format ?? 'percent');
    const signed = direction === 'up' ? `+${magnitude}` : direction === 'down' ? `−${magnitude}` : `±${magnitude}`;
    delta = html`<p class="hd-kpi-delta hd-tone-${tone}" data-direction="${direction}"><span class="hd-arrow hd-arrow-${direction}" aria-hidden="true"></span><span class="hd-kpi-delta-value">${signed}</span>${
      card.delta.label ? html` <span class="hd-kpi-delta-label">${card.delta.label}</span>` : null
    }</p>`;
  }
  return html`<div class="hd-kpi">
<p class="hd-kpi-label">${card.label}</p>
<p class="hd-kpi-value">${value}</p>
${delta}
${card.hint ? html`<p class="hd-kpi-hint">${card.hint}</p>` : null}
</div>`;
}

function chart(slide: ChartSlide): SafeHtml {
  const spec: ChartSpec = {
    type: slide.type,
    labels: slide.labels,
    series: slide.series.map((s) => ({ name: s.name, values: s.values })),
    number: intlOptionsFor(slide.valueFormat ?? 'decimal'),
  };
  // The canvas content is the accessible fallback: the same numbers as a table.
  return html`<figure class="hd-chart-figure">
<div class="hd-chart hd-chart-${slide.type}">
<canvas role="img" aria-label="${slide.title}" data-chart="${JSON.stringify(spec)}">
<table><thead><tr><th></th>${slide.series.map((s) => html`<th>${s.name}</th>`)}</tr></thead>
<tbody>${slide.labels.map((label, i) => html`<tr><th>${label}</th>${slide.series.map((s) => html`<td>${s.values[i] ?? ''}</td>`)}</tr>`)}</tbody></table>
</canvas>
</div>
${slide.caption ? html`<figcaption class="hd-caption">${slide.caption}</figcaption>` : null}
</figure>`;
}

function bullets(slide: BulletsSlide): SafeHtml {
  const items = slide.items.map((item) => html`<li${slide.stepwise ? html` class="fragment"` : null}>${item}</li>`);
  return slide.ordered ? html`<ol class="hd-list">${items}</ol>` : html`<ul class="hd-list">${items}</ul>`;
}

function narrativeSlide(slide: NarrativeSlide): SafeHtml {
  return html`<section class="hd-slide hd-slide-narrative" data-kind="narrative">
<div class="hd-frame">
${slide.kicker ? html`<p class="hd-kicker">${slide.kicker}</p>` : null}
<h2 class="hd-heading">${slide.headline}</h2>
<div class="hd-body">${slide.paragraphs.map((p, i) => html`<p class="${i === 0 ? 'hd-lead' : 'hd-para'}">${p}</p>`)}</div>
</div>
${notes(slide.notes)}
</section>`;
}

function table(slide: TableSlide, ctx: SlideRenderContext): SafeHtml {
  const columns: TableColumn[] = slide.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  // A column is numeric when its cells are: that decides the default alignment.
  const numeric = columns.map((_, c) => slide.rows.some((row) => typeof row[c] === 'number'));
  const align = (c: number): 'left' | 'right' => columns[c]?.align ?? (numeric[c] ? 'right' : 'left');
  return html`<table class="hd-table">
<thead><tr>${columns.map((column, c) => html`<th class="hd-align-${align(c)}" scope="col">${column.label}</th>`)}</tr></thead>
<tbody>${slide.rows.map(
    (row) =>
      html`<tr>${row.map((cell, c) => {
        const text = typeof cell === 'number' ? ctx.format(cell, columns[c]?.format ?? 'decimal') : (cell ?? '');
        return html`<td class="hd-align-${align(c)}">${text}</td>`;
      })}</tr>`,
  )}</tbody>
</table>`;
}

function quotes(slide: QuotesSlide): SafeHtml {
  return html`<div class="hd-quote-grid hd-cols-${columnsFor(slide.quotes.length, 3)}">${slide.quotes.map((quote) => {
    const source = [quote.author, quote.network].filter((part): part is string => Boolean(part));
    return html`<figure class="hd-quote" data-sentiment="${quote.sentiment ?? 'none'}">
<blockquote><p>${quote.text}</p></blockquote>
${source.length ? html`<figcaption>${source.map((part, i) => html`<span class="${i === 0 && quote.author ? 'hd-quote-author' : 'hd-quote-network'}">${part}</span>`)}</figcaption>` : null}
</figure>`;
  })}</div>`;
}
