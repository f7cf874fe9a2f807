"use client";

/**
 * The error summary at the top of a step (GOV.UK pattern): a heading and a list of links, one per
 * problem, each moving focus to its field, and apart from them any advice (what to do outside the
 * form), which the heading does not count as a problem. Focus moves to the summary whenever
 * `focusKey` changes, i.e. after each refused submission.
 */
import Link from "next/link";
import { useEffect, useRef } from "react";
import { fieldId } from "@/components/registration/form-field";

export type SummaryItem = { message: string; field?: string; href?: string };

export function ErrorSummary({
  items,
  advice = [],
  focusKey,
  title,
}: {
  items: SummaryItem[];
  advice?: readonly string[];
  focusKey: number;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusKey === 0) return;
    // After the current task, so a closing dialog's focus restoration cannot take it back.
    const timer = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(timer);
    // Only a new submission moves focus, not every edit that changes the list.
  }, [focusKey]);

  if (items.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="ringkasan-kesalahan"
      className="rounded-md border-4 border-red-700 bg-white p-4 focus:outline-offset-4"
    >
      <h2 id="ringkasan-kesalahan" className="text-lg font-bold text-red-800">
        {title ?? (items.length === 1 ? "Ada 1 hal yang perlu diperbaiki" : `Ada ${items.length} hal yang perlu diperbaiki`)}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item, index) => (
          <li key={`${item.field ?? item.href ?? "form"}-${index}`}>
            {item.href ? (
              // Client-side navigation: a full page load would lose the photos and the password.
              <Link href={item.href} className="font-medium text-red-800 underline underline-offset-2">
                {item.message}
              </Link>
            ) : item.field ? (
              <a
                href={`#${fieldId(item.field)}`}
                className="font-medium text-red-800 underline underline-offset-2"
                onClick={(event) => {
                  const target = document.getElementById(fieldId(item.field ?? ""));
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: "center" });
                  target.focus();
                }}
              >
                {item.message}
              </a>
            ) : (
              <span className="text-red-800">{item.message}</span>
            )}
          </li>
        ))}
      </ul>
      {advice.length > 0 ? (
        <div className="mt-3 border-t border-red-200 pt-3 text-slate-800">
          <h3 className="font-semibold">Saran</h3>
          {advice.map((text) => (
            <p key={text} className="mt-1">
              {text}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
