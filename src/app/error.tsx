"use client";

import { ErrorNotice } from "@/components/error-notice";

/**
 * An unexpected error while showing a page, in Indonesian: try again, or go back (issue 10,
 * item 5). The error itself is logged by the server; nothing of it is shown here.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <ErrorNotice
        reset={reset}
        message="Maaf, halaman ini tidak dapat ditampilkan karena kesalahan pada sistem. Data yang sudah tersimpan tidak hilang. Silakan coba lagi beberapa saat lagi."
      />
    </div>
  );
}
