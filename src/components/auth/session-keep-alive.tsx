"use client";

import { useEffect } from "react";

const PING_EVERY_MS = 5 * 60 * 1000;
const ACTIVE_WITHIN_MS = 30 * 60 * 1000;

/**
 * Sessions end after 30 idle minutes. Pages are rendered on the server, which cannot renew the
 * session cookie, so while the person is active (typing, clicking, scrolling) this asks
 * next-auth's session endpoint every few minutes, which renews it. An idle tab lets it lapse.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let lastActivity = Date.now();
    const markActive = () => {
      lastActivity = Date.now();
    };
    const events = ["keydown", "pointerdown", "scroll"] as const;
    for (const event of events) window.addEventListener(event, markActive, { passive: true });
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && Date.now() - lastActivity < ACTIVE_WITHIN_MS) {
        void fetch("/api/auth/session", { cache: "no-store" }).catch(() => undefined);
      }
    }, PING_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of events) window.removeEventListener(event, markActive);
    };
  }, []);
  return null;
}
