"use client";

/**
 * "Dengarkan captcha": the audio alternative of a captcha image (WCAG 1.1.1), self-contained so
 * any captcha (sign-in, recovery, the wizard's captcha step) can place it beside its image. The
 * first press shows a player and starts it; the player stays for replays. A new captcha id
 * changes the player's source, so an old answer is never heard.
 */
import { useRef, useState } from "react";

export function CaptchaAudio({ captchaId }: { captchaId: string | null }) {
  const [shown, setShown] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);
  const src = captchaId ? `/api/captcha/${encodeURIComponent(captchaId)}/audio` : null;

  if (!src) return null;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => {
          // The first press mounts the player, which starts by itself (autoplay is allowed after
          // the user's press); later presses replay from the start.
          if (!shown) return setShown(true);
          const element = audio.current;
          if (!element) return;
          element.currentTime = 0;
          void element.play().catch(() => undefined);
        }}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-brand-700 bg-white px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="currentColor">
          <path d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
        </svg>
        Dengarkan captcha
      </button>
      {shown ? (
        <div>
          <audio ref={audio} controls autoPlay preload="auto" src={src} aria-label="Captcha suara" className="w-full max-w-xs">
            Browser Anda tidak dapat memutar audio.
          </audio>
          <p className="text-sm text-slate-700">Angka captcha diucapkan dua kali dalam bahasa Indonesia.</p>
        </div>
      ) : null}
    </div>
  );
}
