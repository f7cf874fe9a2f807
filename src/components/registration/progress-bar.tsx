"use client";

/**
 * A visible, labelled progress bar (role="progressbar"): determinate with `value` (0–1), or
 * indeterminate without it (the bar sweeps). The label says what is happening. Stages are for the
 * caller to announce from a live region that exists before the bar appears (a region mounted with
 * its text is often not read), so a screen reader hears each stage once, not every percent.
 */
export function ProgressBar({
  id,
  label,
  value,
}: {
  id: string;
  label: string;
  /** 0–1, or null when the share done is unknown. */
  value: number | null;
}) {
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={`${id}-label`} className="font-medium text-slate-900">
          {label}
        </span>
        {percent !== null ? (
          <span aria-hidden="true" className="tabular-nums text-slate-700">
            {percent}%
          </span>
        ) : null}
      </div>
      <div
        id={id}
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={percent === null ? undefined : 0}
        aria-valuemax={percent === null ? undefined : 100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? "Sedang diproses" : `${percent} persen`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-brand-600 ${percent === null ? "w-1/3 animate-[progress-sweep_1.2s_ease-in-out_infinite]" : "transition-[width] duration-200"}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
