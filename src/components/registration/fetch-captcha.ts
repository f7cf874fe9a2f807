import { type Captcha } from "@/components/registration/wizard-provider";
import { apiRequest } from "@/lib/api-client";

/** A fresh captcha for the wizard (the captcha step, and the review after a wrong answer), or null if none came. */
export async function fetchCaptcha(): Promise<Captcha | null> {
  const response = await apiRequest<Captcha>("/api/captcha", { method: "POST" });
  return response.ok ? response.data : null;
}
