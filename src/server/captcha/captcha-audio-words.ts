/** What the audio captcha says, in Indonesian: each digit, the lead-in, and the "once more" before the repeat. */
export const CAPTCHA_AUDIO_WORDS = {
  digits: { "2": "dua", "3": "tiga", "4": "empat", "5": "lima", "6": "enam", "7": "tujuh", "8": "delapan", "9": "sembilan" },
  intro: "Ketik angka berikut.",
  again: "Sekali lagi.",
} as const;
