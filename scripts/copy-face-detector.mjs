#!/usr/bin/env node
// Copies the selfie's face detector out of its npm package into public/vendor/human/, so the
// browser loads it from our own origin (nothing may come from another host at run time): Human's
// browser bundle (@vladmandic/human, MIT, TensorFlow.js inside) and its BlazeFace model, which the
// package ships. Run after every `npm install` (postinstall); public/vendor/ is not kept in git.
// Without the package the wizard still works: the face check is skipped (src/lib/face-check.ts).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "node_modules", "@vladmandic", "human");
const target = path.join(root, "public", "vendor", "human");
const FILES = [
  ["dist/human.esm.js", "human.esm.js"],
  ["models/blazeface.json", "blazeface.json"],
  ["models/blazeface.bin", "blazeface.bin"],
  ["LICENSE", "LICENSE"],
];

if (!fs.existsSync(source)) {
  console.warn("copy-face-detector: @vladmandic/human is not installed; the selfie's face check will be skipped.");
  process.exit(0);
}
fs.mkdirSync(target, { recursive: true });
for (const [from, to] of FILES) fs.copyFileSync(path.join(source, from), path.join(target, to));
console.log(`copy-face-detector: ${FILES.length} files in public/vendor/human/`);
