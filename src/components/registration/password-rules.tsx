"use client";

/**
 * What the password step shows beside its fields: the live checklist of the shared password
 * policy, and one security question with its answer.
 */
import { RadioGroupField, TextField } from "@/components/registration/form-field";
import { type StepFormState } from "@/components/registration/use-step-form";
import { type PasswordForm } from "@/components/registration/wizard-provider";
import { type PasswordRule } from "@/domain/registration/password";
import { type PasswordField, SECURITY_QUESTIONS } from "@/schemas/facts/password";

/** Each rule, ticked once met (and said so to screen readers); nothing is ticked before typing. */
export function PasswordRules({ id, password, rules }: { id: string; password: string; rules: readonly PasswordRule[] }) {
  return (
    <div id={id} className="rounded-md bg-slate-50 p-3">
      <p className="text-sm font-medium">Kata sandi harus:</p>
      <ul className="mt-1 space-y-1 text-sm">
        {rules.map((rule) => {
          const passed = password !== "" && rule.passed;
          return (
            <li key={rule.id} className={`flex gap-2 ${passed ? "text-green-800" : "text-slate-800"}`}>
              <span aria-hidden="true" className="w-4 shrink-0 font-bold">
                {passed ? "✓" : "•"}
              </span>
              <span>
                {rule.label}
                <span className="sr-only">{passed ? " (terpenuhi)" : " (belum terpenuhi)"}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * Security question `n` (1 or 2), as radios (the long questions are read in full at 360 px), and
 * its answer; the question chosen in the other one cannot be chosen again.
 */
export function SecurityQuestionFields({
  n,
  form,
  values,
  onChoose,
}: {
  n: 1 | 2;
  form: StepFormState<PasswordField, PasswordForm>;
  values: PasswordForm;
  onChoose: (field: "securityQuestion1" | "securityQuestion2", id: string) => void;
}) {
  const question = n === 1 ? "securityQuestion1" : "securityQuestion2";
  const other = values[n === 1 ? "securityQuestion2" : "securityQuestion1"];
  return (
    <>
      <RadioGroupField
        name={question}
        label={`Pertanyaan keamanan ${n}`}
        value={values[question]}
        errors={form.errorsFor(question)}
        onChange={(id) => onChoose(question, id)}
        options={SECURITY_QUESTIONS.map((q) => ({
          value: q.id,
          label: q.label,
          disabled: q.id === other,
          ...(q.id === other ? { note: `Sudah dipilih untuk pertanyaan ${n === 1 ? 2 : 1}.` } : {}),
        }))}
      />
      <TextField {...form.textField(n === 1 ? "securityAnswer1" : "securityAnswer2")} label={`Jawaban ${n}`} autoComplete="off" />
    </>
  );
}
