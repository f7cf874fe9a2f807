/**
 * "Exactly one face in the selfie", checked in the browser with Human (@vladmandic/human, MIT) and
 * its BlazeFace model. Nothing comes from another host: scripts/copy-face-detector.mjs copies the
 * library's browser bundle and the model out of the npm package into public/vendor/human/ at
 * install, and this module imports them from our own origin at run time, only when the documents
 * step asks. The import is not bundled (no page's first-load JavaScript grows), and it starts
 * when the camera is turned on so it is usually ready by "Ambil Foto".
 *
 * Advisory by design (ADR 0015): when the detector cannot load or run (an old browser, no WebGL,
 * the files blocked), the check says nothing and the selfie goes on; the server does not look for
 * faces. When it runs, no face or several faces are refused with what to do.
 */

export const FACE_DETECTOR_BASE = "/vendor/human/";
/** Below this confidence a box is not counted as a face. */
export const FACE_MIN_CONFIDENCE = 0.5;

export type FaceCount = { faces: number };

type HumanResult = { face: { score: number; boxScore?: number }[] };
type HumanInstance = {
  load: () => Promise<void>;
  detect: (input: HTMLCanvasElement | HTMLVideoElement | ImageBitmap) => Promise<HumanResult>;
  tf: { getBackend: () => string | null; setBackend: (name: string) => Promise<boolean>; ready: () => Promise<void> };
};
type HumanModule = { Human: new (config: Record<string, unknown>) => HumanInstance };

const CONFIG = {
  modelBasePath: FACE_DETECTOR_BASE,
  // webgl where the browser has it; cpu otherwise. Never wasm: its binaries would come from a CDN.
  backend: "webgl",
  debug: false,
  async: true,
  warmup: "none",
  cacheModels: false,
  validateModels: false,
  cacheSensitivity: 0,
  filter: { enabled: false },
  gesture: { enabled: false },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  segmentation: { enabled: false },
  face: {
    enabled: true,
    detector: { enabled: true, modelPath: "blazeface.json", rotation: false, maxDetected: 5, minConfidence: FACE_MIN_CONFIDENCE, return: false },
    mesh: { enabled: false },
    attention: { enabled: false },
    iris: { enabled: false },
    description: { enabled: false },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    gear: { enabled: false },
  },
} as const;

let detector: Promise<HumanInstance | null> | null = null;

async function loadHuman(backend: "webgl" | "cpu"): Promise<HumanInstance> {
  // A URL import the bundlers leave alone: the file is served from public/, not compiled in.
  const url = `${FACE_DETECTOR_BASE}human.esm.js`;
  const module = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as HumanModule;
  const human = new module.Human({ ...CONFIG, backend });
  await human.load();
  return human;
}

/** Starts loading the detector (once); resolves to null when it cannot run here. */
export function loadFaceDetector(): Promise<HumanInstance | null> {
  detector ??= (async () => {
    try {
      return await loadHuman("webgl");
    } catch {
      try {
        return await loadHuman("cpu");
      } catch {
        return null;
      }
    }
  })();
  return detector;
}

/** How many faces the image shows, or null when the detector is not available (the check is skipped). */
export async function countFaces(image: HTMLCanvasElement | ImageBitmap): Promise<FaceCount | null> {
  const human = await loadFaceDetector();
  if (!human) return null;
  try {
    const result = await human.detect(image);
    return { faces: result.face.filter((face) => (face.boxScore ?? face.score) >= FACE_MIN_CONFIDENCE).length };
  } catch {
    return null;
  }
}
