/**
 * `npx tsx --conditions=react-server scripts/generate-captcha-audio.ts`: makes the audio captcha's
 * clips once, with Debian's espeak-ng (`apt-get install -y espeak-ng`), in Indonesian: one per
 * captcha digit, plus the lead-in and the "once more". Each is trimmed of silence, low-passed and
 * resampled to 8 kHz 16-bit mono (telephone quality: small, and clear enough for spoken digits)
 * and written to src/server/captcha/audio/. The clips are committed; nothing runs at request time
 * but reading them.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CAPTCHA_ALPHABET } from "../src/server/captcha/captcha-alphabet";
import { CAPTCHA_AUDIO_WORDS } from "../src/server/captcha/captcha-audio-words";
import { type Pcm, readWav, writeWav } from "../src/server/captcha/wav";

const OUT = path.resolve(import.meta.dirname, "../src/server/captcha/audio");
const RATE = 8000;

function speak(text: string): Pcm {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "espeak-")), "clip.wav");
  const result = spawnSync("espeak-ng", ["-v", "id", "-s", "135", "-a", "120", "-w", file, text], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("espeak-ng failed: is it installed? (apt-get install -y espeak-ng)");
  return readWav(fs.readFileSync(file));
}

/** Drops leading and trailing near-silence, keeping a few milliseconds either side. */
function trim({ sampleRate, samples }: Pcm): Pcm {
  const threshold = 400;
  let start = samples.findIndex((s) => Math.abs(s) > threshold);
  let end = samples.length - 1;
  while (end > 0 && Math.abs(samples[end] ?? 0) <= threshold) end--;
  const pad = Math.round(sampleRate * 0.02);
  start = Math.max(0, start - pad);
  end = Math.min(samples.length - 1, end + pad);
  return { sampleRate, samples: samples.slice(start, end + 1) };
}

/** Windowed-sinc resampling (Hann, 32 taps a side) with the cut-off just under the new Nyquist. */
function resample({ sampleRate, samples }: Pcm, rate: number): Pcm {
  const ratio = sampleRate / rate;
  const cutoff = 0.45 / ratio; // of the source rate
  const taps = 32;
  const out = new Int16Array(Math.floor(samples.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const center = i * ratio;
    let sum = 0;
    let weights = 0;
    for (let j = Math.ceil(center - taps * ratio); j <= Math.floor(center + taps * ratio); j++) {
      if (j < 0 || j >= samples.length) continue;
      const x = j - center;
      const sinc = x === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / (taps * ratio));
      sum += (samples[j] ?? 0) * sinc * window;
      weights += sinc * window;
    }
    out[i] = Math.max(-32768, Math.min(32767, Math.round(sum / weights)));
  }
  return { sampleRate: rate, samples: out };
}

fs.mkdirSync(OUT, { recursive: true });
const clips: [string, string][] = [...CAPTCHA_ALPHABET].map((digit) => [digit, CAPTCHA_AUDIO_WORDS.digits[digit as keyof typeof CAPTCHA_AUDIO_WORDS.digits]]);
clips.push(["intro", CAPTCHA_AUDIO_WORDS.intro], ["again", CAPTCHA_AUDIO_WORDS.again]);
let total = 0;
for (const [name, text] of clips) {
  const bytes = writeWav(resample(trim(speak(text)), RATE));
  fs.writeFileSync(path.join(OUT, `${name}.wav`), bytes);
  total += bytes.length;
  console.log(`${name}.wav  "${text}"  ${bytes.length} bytes`);
}
console.log(`captcha audio: ${clips.length} clips, ${total} bytes in ${path.relative(process.cwd(), OUT)}`);
