import type { Metadata } from "next";
import { CaptchaStep } from "@/components/registration/captcha-step";

export const metadata: Metadata = { title: "Captcha — Buat Akun" };

export default function Page() {
  return <CaptchaStep />;
}
