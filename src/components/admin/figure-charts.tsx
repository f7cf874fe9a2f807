/**
 * The admin's figures as charts drawn on the server as plain SVG: no chart library reaches the
 * browser. Each chart is a picture for the eyes (aria-hidden, with its values written on it) and
 * its numbers are also a real table for screen readers, right after it.
 */
import type { ReactNode } from "react";

export type Datum = { key: string; label: string; value: number; note?: ReactNode };

const BAR = "#0b5cab"; // brand-600: 7:1 on white
const INK = "#334155"; // slate-700
const GRID = "#cbd5e1"; // slate-300

/** Vertical bars along a time axis (days, hours); scrolls inside itself when wider than the screen. */
export function ColumnChart({
  title,
  data,
  columns,
  tickEvery = 1,
}: {
  title: string;
  data: Datum[];
  columns: [string, string];
  tickEvery?: number;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const step = 28;
  const barWidth = 18;
  const top = 18;
  const plot = 140;
  const left = 8;
  const width = left * 2 + data.length * step;
  const height = top + plot + 24;
  return (
    <figure className="space-y-2">
      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white p-2">
        <svg
          aria-hidden="true"
          focusable="false"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="block"
          fontFamily="system-ui, sans-serif"
        >
          <line x1={left} x2={width - left} y1={top + plot} y2={top + plot} stroke={GRID} />
          {data.map((d, i) => {
            const h = Math.round((d.value / max) * plot);
            const x = left + i * step + (step - barWidth) / 2;
            return (
              <g key={d.key}>
                <rect x={x} y={top + plot - h} width={barWidth} height={h} fill={BAR} rx={2} />
                {d.value > 0 ? (
                  <text x={x + barWidth / 2} y={top + plot - h - 4} textAnchor="middle" fontSize={10} fill={INK}>
                    {d.value}
                  </text>
                ) : null}
                {i % tickEvery === 0 ? (
                  <text x={x + barWidth / 2} y={top + plot + 15} textAnchor="middle" fontSize={10} fill={INK}>
                    {d.label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <FiguresTable title={title} columns={columns} data={data} />
    </figure>
  );
}

/** Horizontal bars, one row per item, the label above its bar so long names wrap on a phone. */
export function BarList({ title, data, columns }: { title: string; data: Datum[]; columns: [string, string] }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <figure className="space-y-2">
      <ul aria-hidden="true" className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
        {data.map((d) => (
          <li key={d.key} className="text-sm">
            <div className="flex justify-between gap-3">
              <span className="min-w-0 break-words">{d.label}</span>
              <span className="shrink-0 font-semibold tabular-nums">{d.value}</span>
            </div>
            <svg width="100%" height="10" className="mt-1 block" preserveAspectRatio="none" viewBox="0 0 100 10" focusable="false">
              <rect x="0" y="0" width="100" height="10" fill="#f1f5f9" />
              <rect x="0" y="0" width={Math.max(0.5, (d.value / max) * 100)} height="10" fill={BAR} />
            </svg>
          </li>
        ))}
      </ul>
      <FiguresTable title={title} columns={columns} data={data} />
    </figure>
  );
}

/** The chart's numbers as a table, for screen readers (the chart itself is hidden from them). */
function FiguresTable({ title, columns, data }: { title: string; columns: [string, string]; data: Datum[] }) {
  // The wrapper is what is visually hidden: a <table> does not shrink to sr-only's 1 px.
  return (
    <div className="sr-only">
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((d) => (
          <tr key={d.key}>
            <th scope="row">
              {d.label}
              {d.note ? <> ({d.note})</> : null}
            </th>
            <td>{d.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
