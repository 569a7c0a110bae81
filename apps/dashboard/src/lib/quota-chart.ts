/**
 * The quota line, drawn with ECharts. Only the parts used are imported (echarts/core + line chart,
 * grid, tooltip, legend, mark area, aria, SVG renderer), and this module is loaded only by the
 * quota view, so the first view does not carry it.
 */
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Decision } from './decisions';
import { addDays, cnDate } from './format';
import { escapeHtml } from './html';
import type { QuotaAnswer, QuotaPoint } from './types';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, AriaComponent, SVGRenderer]);

export interface QuotaChartInput {
  quota: QuotaAnswer;
  from: string;
  to: string;
  decisions: Map<string, Decision[]>;
}

export interface QuotaChart {
  update(input: QuotaChartInput): void;
  resize(): void;
  dispose(): void;
}

const DAY = 86_400_000;
const ts = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The point in force on `date` (the last one at or before it). */
function pointOn(points: QuotaPoint[], date: string): QuotaPoint | undefined {
  let found: QuotaPoint | undefined;
  for (const p of points) if (p.date <= date) found = p;
  return found;
}

function tooltip(input: QuotaChartInput, date: string): string {
  const point = pointOn(input.quota.points, date);
  if (!point) return '';
  const over = point.baseline === null ? 0 : point.active - point.baseline;
  const lines = [
    `<strong>${escapeHtml(cnDate(point.date))}起</strong>`,
    `在册机构：<b>${point.active}</b> 个`,
    point.baseline === null ? '总量控制基准：无' : `总量控制基准：${point.baseline} 个${point.baselineDocumentNo ? `(${escapeHtml(point.baselineDocumentNo)})` : ''}`,
  ];
  if (over > 0) lines.push(`<span style="color:#b42318">超出基准 ${over} 个</span>`);
  const decisions = (input.decisions.get(point.date) ?? []).filter((d) => d.counts);
  if (decisions.length) {
    lines.push('<span style="color:#555">当日生效的决定：</span>');
    for (const d of decisions.slice(0, 8)) lines.push(`· ${escapeHtml(d.action)} ${escapeHtml(d.text)} <span style="color:#666">${escapeHtml(d.documentNo)}</span>`);
    if (decisions.length > 8) lines.push(`…等 ${decisions.length} 项`);
  }
  return `<div style="max-width:420px;white-space:normal;line-height:1.6">${lines.join('<br>')}</div>`;
}

function option(input: QuotaChartInput): echarts.EChartsCoreOption {
  const { points, violations } = input.quota;
  const end = input.to;
  const last = points[points.length - 1];
  const active = points.map((p) => [ts(p.date), p.active]);
  const baseline = points.map((p) => [ts(p.date), p.baseline]);
  if (last && last.date < end) {
    active.push([ts(end), last.active]);
    baseline.push([ts(end), last.baseline]);
  }
  const values = points.flatMap((p) => (p.baseline === null ? [p.active] : [p.active, p.baseline]));
  const max = Math.max(1, ...values);
  // The axis starts near the lowest value, so that a few bodies over the baseline show.
  const min = Math.max(0, Math.floor((Math.min(...values) - 5) / 5) * 5);
  return {
    animation: false,
    aria: { enabled: true, decal: { show: false } },
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 48, right: 24, top: 40, bottom: 40 },
    legend: { top: 4, itemGap: 28, data: ['在册机构数', '总量控制基准'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { color: '#1d2330', fontSize: 13 },
      axisPointer: { type: 'line', snap: true },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { value?: [number, number] } | undefined;
        return first?.value ? tooltip(input, dateOf(first.value[0])) : '';
      },
    },
    xAxis: {
      type: 'time',
      min: ts(input.from),
      max: ts(end),
      axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}年', month: '{M}月', day: '{M}月{d}日' } },
    },
    yAxis: { type: 'value', min, max: Math.ceil((max + 2) / 5) * 5, minInterval: 1, name: '个', nameGap: 12 },
    series: [
      {
        name: '在册机构数',
        type: 'line',
        step: 'end',
        data: active,
        symbol: 'circle',
        symbolSize: 6,
        // Dots on each change only while they stay apart; the tooltip works either way.
        showSymbol: points.length <= 60,
        lineStyle: { width: 2.5, color: '#1f5fbf' },
        itemStyle: { color: '#1f5fbf' },
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(220, 38, 38, 0.16)' },
          // A short stretch is narrower than its label: start the label at the stretch's left edge
          // and let it run past the right one instead of cutting it (overflow 'none').
          label: { color: '#b42318', position: 'insideTopLeft', distance: 4, overflow: 'none', backgroundColor: 'rgba(255, 255, 255, 0.8)', padding: [1, 3] },
          data: violations.map((v) => [
            { xAxis: ts(v.from), name: `超出 ${v.maxOver}` },
            { xAxis: Math.min(ts(addDays(v.to, 1)), ts(end) + DAY) },
          ]),
        },
      },
      {
        name: '总量控制基准',
        type: 'line',
        step: 'end',
        data: baseline,
        connectNulls: false,
        symbol: 'none',
        lineStyle: { width: 2, type: 'dashed', color: '#b42318' },
        itemStyle: { color: '#b42318' },
      },
    ],
  };
}

export function createQuotaChart(element: HTMLElement, input: QuotaChartInput): QuotaChart {
  const chart = echarts.init(element, undefined, { renderer: 'svg', locale: 'ZH' });
  chart.setOption(option(input));
  return {
    update: (next) => chart.setOption(option(next), { notMerge: true }),
    resize: () => chart.resize(),
    dispose: () => chart.dispose(),
  };
}
