import type { Metadata } from "next";
import { DoneView } from "@/components/registration/done-view";

export const metadata: Metadata = { title: "Selesai — Buat Akun" };

/** Outside the window check: a reload of this page works even after registration closed. */
export default function DonePage() {
  return <DoneView />;
}
