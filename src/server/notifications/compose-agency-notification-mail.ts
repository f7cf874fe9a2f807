import "server-only";
import type { MailMessage } from "@/server/mail/mailer";

/**
 * The one mail a "Beri tahu saya" subscriber gets, in Indonesian: the agency, a link that starts
 * the registration with it, and a one-click unsubscribe (a link in the text, and RFC 8058's
 * List-Unsubscribe headers for mail programs).
 */
export function composeAgencyNotificationMail(input: {
  to: string;
  agencyName: string;
  startUrl: string;
  unsubscribeUrl: string;
}): MailMessage {
  const { to, agencyName, startUrl, unsubscribeUrl } = input;
  const subject = `Formasi ${agencyName} sudah diverifikasi`;
  const text = [
    "Yth. calon pelamar,",
    "",
    `Formasi ${agencyName} sudah diverifikasi. Sekarang Anda dapat membuat akun SSCASN untuk Seleksi CPNS 2023 dengan instansi tujuan ini.`,
    "",
    "Mulai membuat akun:",
    startUrl,
    "",
    "Siapkan NIK, Nomor KK, Foto KTP, serta kamera untuk swafoto.",
    "",
    "Anda menerima email ini karena alamat ini didaftarkan pada fitur \"Beri tahu saya\" di portal SSCASN. Email ini hanya dikirim satu kali; alamat Anda sudah dihapus dari daftar pemberitahuan instansi ini.",
    "Untuk berhenti menerima pemberitahuan instansi lain yang pernah Anda pilih, buka:",
    unsubscribeUrl,
    "",
    "Email ini dikirim otomatis, mohon tidak dibalas. Informasi resmi hanya melalui SSCASN dan akun media sosial resmi BKN serta instansi.",
  ].join("\n");
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;color:#0f172a;line-height:1.5">
<p>Yth. calon pelamar,</p>
<p>Formasi <strong>${escapeHtml(agencyName)}</strong> sudah diverifikasi. Sekarang Anda dapat membuat akun SSCASN untuk Seleksi CPNS 2023 dengan instansi tujuan ini.</p>
<p><a href="${escapeHtml(startUrl)}" style="display:inline-block;background:#0b5cab;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:bold">Mulai membuat akun</a></p>
<p>Siapkan NIK, Nomor KK, Foto KTP, serta kamera untuk swafoto.</p>
<p style="font-size:14px;color:#475569">Anda menerima email ini karena alamat ini didaftarkan pada fitur &ldquo;Beri tahu saya&rdquo; di portal SSCASN. Email ini hanya dikirim satu kali; alamat Anda sudah dihapus dari daftar pemberitahuan instansi ini.
<a href="${escapeHtml(unsubscribeUrl)}">Berhenti menerima pemberitahuan instansi lain</a>.</p>
<p style="font-size:14px;color:#475569">Email ini dikirim otomatis, mohon tidak dibalas.</p>
</body></html>`;
  return {
    to,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
