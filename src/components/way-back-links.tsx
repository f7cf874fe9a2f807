import Link from "next/link";

/**
 * The ways back from an error or a missing page: the landing page and the registration. `reload`:
 * plain links, a full page load, for when the app itself (its router) may be what failed.
 */
export function WayBackLinks({ reload = false }: { reload?: boolean }) {
  const Anchor = reload ? "a" : Link;
  return (
    <ul className="flex flex-wrap gap-3">
      <li>
        <Anchor href="/" className="inline-block rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          Ke Beranda
        </Anchor>
      </li>
      <li>
        <Anchor href="/daftar" className="inline-block rounded-md border border-brand-700 bg-white px-5 py-3 font-semibold text-brand-700 hover:bg-brand-50">
          Buat Akun
        </Anchor>
      </li>
    </ul>
  );
}
