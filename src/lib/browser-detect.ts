/**
 * Which browser the applicant uses, only to put the matching camera help first. In-app browsers
 * (the webviews of Instagram, Facebook, WhatsApp, TikTok, LINE) often cannot use the camera at all.
 */
export type BrowserFamily = "in-app" | "chrome" | "firefox" | "safari" | "other";
export type DetectedBrowser = { family: BrowserFamily; appName?: string };

const IN_APP: readonly [RegExp, string][] = [
  [/Instagram/i, "Instagram"],
  [/FBAN|FBAV|FB_IAB|FBIOS|Messenger/i, "Facebook"],
  [/WhatsApp/i, "WhatsApp"],
  [/musical_ly|Bytedance|TikTok|trill/i, "TikTok"],
  [/\bLine\//i, "LINE"],
  [/Twitter/i, "X (Twitter)"],
];

export function detectBrowser(userAgent: string): DetectedBrowser {
  for (const [pattern, appName] of IN_APP) if (pattern.test(userAgent)) return { family: "in-app", appName };
  if (/Firefox|FxiOS/i.test(userAgent)) return { family: "firefox" };
  if (/Edg\/|OPR\/|SamsungBrowser|Chrome|CriOS|Chromium/i.test(userAgent)) return { family: "chrome" };
  if (/Safari/i.test(userAgent)) return { family: "safari" };
  return { family: "other" };
}
