import type { Metadata } from "next";
import { ReviewStep } from "@/components/registration/review-step";

export const metadata: Metadata = { title: "Cek Ulang — Buat Akun" };

export default function Page() {
  return <ReviewStep />;
}
