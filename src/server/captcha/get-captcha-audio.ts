import "server-only";
import { deps } from "@/server/deps";
import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/domain/errors";
import { CAPTCHA_ID_PATTERN } from "@/schemas/captcha";
import { CAPTCHA_ALPHABET } from "@/server/captcha/captcha-alphabet";
import { type Pcm, readWav, writeWav } from "@/server/captcha/wav";

/**
 * The audio alternative of a captcha (WCAG 1.1.1): its digits spoken in Indonesian, twice ("Ketik
 * angka berikut. … Sekali lagi. …"), from clips made once with espeak-ng and committed
 * (scripts/generate-captcha-audio.ts), so nothing is fetched or synthesised at request time. The
 * gaps vary and a faint hiss is mixed in, so two plays of one answer are never the same file.
 * Listening does not use the captcha up; answering does, as for the image.
 */
export const CAPTCHA_AUDIO_DIR = path.join(process.cwd(), "src/server/captcha/audio");
const CLIP_NAMES = [...CAPTCHA_ALPHABET, "intro", "again"];

let clips: Map<string, Pcm> | undefined;

function loadClips(): Map<string, Pcm> {
  clips ??= new Map(CLIP_NAMES.map((name) => [name, readWav(fs.readFileSync(path.join(CAPTCHA_AUDIO_DIR, `${name}.wav`)))]));
  return clips;
}

export async function getCaptchaAudio(id: string): Promise<Uint8Array<ArrayBuffer>> {
  // An id from the URL that cannot be one is unknown, without asking the database.
  const captcha = CAPTCHA_ID_PATTERN.test(id)
    ? await deps().db.captcha.findFirst({ where: { id, expiresAt: { gt: deps().clock.now() } }, select: { answer: true } })
    : null;
  if (!captcha) throw new AppError("NOT_FOUND", { message: "Captcha tidak ditemukan atau sudah kedaluwarsa. Muat ulang captcha." });
  return speakAnswer(captcha.answer);
}

/** The WAV for an answer made of CAPTCHA_ALPHABET's digits. */
export function speakAnswer(answer: string): Uint8Array<ArrayBuffer> {
  const library = loadClips();
  const rate = library.get("intro")!.sampleRate;
  const silence = (ms: number) => new Int16Array(Math.round((rate * ms) / 1000));
  const clip = (name: string) => {
    const found = library.get(name);
    if (!found) throw new Error("captcha answer outside the spoken alphabet");
    return found.samples;
  };
  const digits = () => [...answer].flatMap((digit) => [clip(digit), silence(randomInt(350, 600))]);
  const parts = [silence(300), clip("intro"), silence(500), ...digits(), silence(500), clip("again"), silence(500), ...digits(), silence(300)];
  const samples = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.max(-32768, Math.min(32767, (samples[i] ?? 0) + randomInt(-160, 161)));
  }
  return writeWav({ sampleRate: rate, samples });
}
