import type { Metadata } from "next";
import { DocumentsStep } from "@/components/registration/documents-step";

export const metadata: Metadata = { title: "Dokumen — Buat Akun" };

export default function Page() {
  return <DocumentsStep />;
}
