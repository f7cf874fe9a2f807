"use client";

/**
 * A zxcvbn-ts strength meter that guides, and does not decide: the rules are the checklist (the
 * shared schema). zxcvbn and its dictionaries (~1 MB) load only once the applicant starts typing a
 * password, never with the page.
 */
import { useEffect, useRef, useState } from "react";

type Checker = (password: string, userInputs: string[]) => number;

const LABELS = ["Sangat lemah", "Lemah", "Cukup", "Kuat", "Sangat kuat"] as const;
const COLORS = ["bg-red-700", "bg-orange-600", "bg-amber-500", "bg-green-600", "bg-green-800"] as const;

let checkerPromise: Promise<Checker> | null = null;

function loadChecker(): Promise<Checker> {
  checkerPromise ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) => {
      const zxcvbn = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
      return (password, userInputs) => zxcvbn.check(password, userInputs).score;
    },
  );
  return checkerPromise;
}

export function PasswordStrength({ password, userInputs }: { password: string; userInputs: string[] }) {
  const [checker, setChecker] = useState<Checker | null>(null);
  const [score, setScore] = useState<number | null>(null);
  const inputs = useRef(userInputs);
  inputs.current = userInputs;

  const typing = password !== "";
  useEffect(() => {
    if (!typing) return;
    let cancelled = false;
    loadChecker()
      .then((check) => {
        if (!cancelled) setChecker(() => check);
      })
      .catch(() => {
        // Without the meter the checklist still says everything that matters.
      });
    return () => {
      cancelled = true;
    };
  }, [typing]);

  useEffect(() => {
    if (!checker || password === "") {
      setScore(null);
      return;
    }
    // Debounced: zxcvbn takes a few milliseconds per call on a slow phone.
    const timer = setTimeout(() => setScore(checker(password, inputs.current)), 150);
    return () => clearTimeout(timer);
  }, [checker, password]);

  return (
    <div className="space-y-1" id="f-password-strength">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3, 4].map((i) => (
          <span
            key={i}
            className={`h-2 flex-1 rounded ${score !== null && i <= score ? (COLORS[score] ?? "bg-slate-300") : "bg-slate-200"}`}
          />
        ))}
      </div>
      <p className="text-sm text-slate-700">
        Kekuatan kata sandi: <strong>{score === null ? "belum dinilai" : LABELS[score]}</strong>
        <span className="block text-xs">
          Penilaian ini hanya panduan. Kata sandi panjang berupa beberapa kata acak lebih kuat dan lebih mudah diingat.
        </span>
      </p>
    </div>
  );
}
