"use client";

import { WayBackLinks } from "@/components/way-back-links";

/**
 * What an error page says (issue 10, item 5): that something failed, in Indonesian, "Coba lagi",
 * and the ways back. Nothing of the error itself is shown; the server has logged it. The page
 * around it (app/error.tsx inside the layout, app/global-error.tsx a document of its own) gives
 * the frame; `reload` asks for plain links when the app's router may be what broke.
 */
export function ErrorNotice({ message, reset, reload = false }: { message: string; reset: () => void; reload?: boolean }) {
  return (
    <>
      <h1 className="text-2xl font-bold sm:text-3xl">Terjadi kesalahan</h1>
      <p>{message}</p>
      <button
        type="button"
        onClick={() => reset()}
        className="inline-block rounded-md border border-brand-700 bg-white px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50"
      >
        Coba lagi
      </button>
      <WayBackLinks reload={reload} />
    </>
  );
}
