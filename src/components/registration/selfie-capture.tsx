"use client";

/**
 * The selfie (swafoto), taken live with react-webcam. The camera is asked for only after the
 * applicant has read why it is needed and pressed "Aktifkan Kamera". "Ambil Foto" freezes a frame
 * to check; "Foto Ulang" goes back to the live view, "Gunakan Foto" keeps it and turns the camera
 * off. When the camera cannot be used, the help says why and how to fix it, with "Coba Lagi", and
 * a file input that opens the device's camera app so no one is stuck.
 *
 * The frame is taken from the video itself at the camera's resolution (not the preview's size on
 * screen), and only once the video has a real frame: a camera that has just (re)started delivers
 * black frames first, so "Ambil Foto" waits briefly for one that is not black. A frame that is
 * still black, too dark or too bright is shown with what to do, and cannot be used.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import Webcam from "react-webcam";
import { CameraHelp, type CameraErrorKind, cameraErrorKind } from "@/components/registration/camera-help";
import { FieldMessages, fieldId, secondaryButtonClass } from "@/components/registration/form-field";
import { type PhotoInputProps, preparePhoto } from "@/components/registration/photo";
import { ProgressBar } from "@/components/registration/progress-bar";
import { countFaces, loadFaceDetector } from "@/lib/face-check";
import { measureLuminance } from "@/lib/photo-luminance";
import { exposureMessage, exposureProblem, faceCountMessage } from "@/schemas/documents";

type Phase = "intro" | "starting" | "live" | "captured" | "error" | "have";

/** A frozen frame: its JPEG, a preview URL, and what is wrong with its exposure (null: fine). */
type Shot = { blob: Blob; url: string; problem: string | null };

/** How long "Ambil Foto" waits for a first frame, and for one that is not black, in 200 ms tries. */
const FRAME_TRIES = 15;
const FRAME_WAIT_MS = 200;
/** What the camera is asked for: the frame is captured at whatever it gives (at least 640×480 where it can). */
const VIDEO_CONSTRAINTS = { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 960 } } as const;

/** A face check slower than this (a slow phone on the CPU backend) is skipped, as when it cannot run. */
const FACE_CHECK_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function encodeJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
}

/** The video's current frame at its own resolution, unmirrored (the preview is mirrored by CSS only). */
async function grabFrame(video: HTMLVideoElement): Promise<{ canvas: HTMLCanvasElement; blob: Blob } | null> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await encodeJpeg(canvas);
  return blob ? { canvas, blob } : null;
}

/** What the face check says about an image: a message for no face or several, null for one (or no detector). */
async function faceProblem(image: HTMLCanvasElement | ImageBitmap): Promise<string | null> {
  const counted = await Promise.race([countFaces(image), sleep(FACE_CHECK_TIMEOUT_MS).then(() => null)]);
  return counted ? faceCountMessage(counted.faces) : null;
}

async function fileFaceProblem(blob: Blob): Promise<string | null> {
  if (typeof createImageBitmap !== "function") return null;
  const bitmap = await createImageBitmap(blob).catch(() => null);
  if (!bitmap) return null;
  try {
    return await faceProblem(bitmap);
  } finally {
    bitmap.close();
  }
}

function hasFrame(video: HTMLVideoElement | null | undefined): video is HTMLVideoElement {
  return Boolean(video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0 && video.videoHeight > 0);
}

const primaryClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";

export function SelfieCapture({
  photo,
  errors,
  onPhoto,
  onError,
}: PhotoInputProps) {
  const [phase, setPhase] = useState<Phase>(photo ? "have" : "intro");
  const [captured, setCaptured] = useState<Shot | null>(null);
  const [capturing, setCapturing] = useState(false);
  const [errorKind, setErrorKind] = useState<CameraErrorKind>("other");
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // The stream can be granted before the first frame arrives; a capture then yields nothing.
  const [videoReady, setVideoReady] = useState(false);
  const [notReady, setNotReady] = useState(false);
  const webcam = useRef<Webcam>(null);
  const focusTarget = useRef<HTMLElement | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const id = fieldId("selfie");

  // Focus follows the applicant's action to the next control (the old button is gone).
  const focusLater = useCallback((element: HTMLElement | null) => {
    if (element) focusTarget.current = element;
  }, []);
  useEffect(() => {
    if (focusRequest === 0) return;
    if (phase === "error") document.getElementById("kamera-bermasalah")?.focus();
    else focusTarget.current?.focus();
    // Focus moves once per action, when the new phase has rendered.
  }, [focusRequest]);
  const go = (next: Phase) => {
    setPhase(next);
    setFocusRequest((n) => n + 1);
  };

  function start() {
    onError(null);
    if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia) {
      setErrorKind(cameraErrorKind("getUserMedia not supported"));
      go("error");
      return;
    }
    setAttempt((n) => n + 1);
    setVideoReady(false);
    setNotReady(false);
    go("starting");
    // The face detector loads while the applicant looks at the camera (only on this step).
    void loadFaceDetector();
  }

  async function capture() {
    if (capturing) return;
    // The first frame may still be on its way, and a restarted camera sends black frames first:
    // try for a moment before saying so (never fail silently; the button stays enabled so keyboard
    // focus can rest on it).
    setCapturing(true);
    try {
      for (let tries = 0; tries < FRAME_TRIES; tries++) {
        const video = webcam.current?.video;
        if (hasFrame(video)) {
          const stats = measureLuminance(video, video.videoWidth, video.videoHeight);
          const problem = exposureProblem(stats);
          const startingUp = problem === "uniform" || problem === "tooDark";
          if (!startingUp || tries === FRAME_TRIES - 1) {
            const frame = await grabFrame(video);
            if (frame) {
              const { blob } = frame;
              const message = exposureMessage(stats) ?? (await faceProblem(frame.canvas));
              setNotReady(false);
              setCaptured((old) => {
                if (old) URL.revokeObjectURL(old.url);
                return { blob, url: URL.createObjectURL(blob), problem: message };
              });
              onError(message);
              go("captured");
              return;
            }
          }
        }
        await sleep(FRAME_WAIT_MS);
      }
      setNotReady(true);
    } finally {
      setCapturing(false);
    }
  }

  /** A frame already judged ("Gunakan Foto"), or a file from the fallback input, which is judged here. */
  async function use(blob: Blob, fromFile: boolean) {
    setBusy(true);
    const prepared = await preparePhoto(blob, { requireAcceptedType: !fromFile });
    const problem = prepared.ok && fromFile ? await fileFaceProblem(prepared.photo.blob) : null;
    setBusy(false);
    if (!prepared.ok || problem) {
      if (prepared.ok) URL.revokeObjectURL(prepared.photo.url);
      onError(prepared.ok ? problem : prepared.message);
      return;
    }
    onError(null);
    onPhoto(prepared.photo);
    setCaptured((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return null;
    });
    go("have");
  }

  const invalid = Boolean(errors?.length);
  return (
    <section aria-labelledby="judul-swafoto" className="space-y-3 rounded-md border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="judul-swafoto" className="text-lg font-semibold">
        Swafoto
      </h2>
      <div id={`${id}-hint`} className="space-y-2 text-sm text-slate-700">
        <p>
          Swafoto diambil langsung dengan kamera untuk memastikan bahwa yang mendaftar adalah pemilik KTP. Kamera hanya
          dipakai di halaman ini dan dimatikan setelah foto dipilih.
        </p>
        <p>Lepas masker, kacamata hitam, dan topi; pastikan wajah terlihat jelas dengan cahaya yang cukup.</p>
      </div>

      {phase === "have" && photo ? (
        <div className="space-y-3">
          <figure>
            {/* A local object URL: nothing for next/image to optimize. */}
            <img src={photo.url} alt="Swafoto yang akan dikirim" className="max-h-56 w-auto max-w-full rounded border border-slate-300" />
          </figure>
          <button ref={focusLater} id={id} type="button" className={secondaryButtonClass} onClick={start}>
            Foto Ulang
          </button>
        </div>
      ) : null}

      {phase === "intro" ? (
        <button
          ref={focusLater}
          type="button"
          className={primaryClass}
          onClick={start}
          aria-describedby={[`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(" ")}
          id={id}
        >
          Aktifkan Kamera
        </button>
      ) : null}

      {phase === "starting" || phase === "live" ? (
        <div className="space-y-3">
          <div className="relative w-full max-w-md overflow-hidden rounded border border-slate-300 bg-slate-900">
            <Webcam
              key={attempt}
              ref={webcam}
              audio={false}
              // The preview is mirrored like a mirror (CSS), the photo is not: a selfie for an
              // identity check should show the face as others see it.
              mirrored={false}
              style={{ transform: "scaleX(-1)" }}
              videoConstraints={VIDEO_CONSTRAINTS}
              onUserMedia={() => go("live")}
              onLoadedData={() => setVideoReady(true)}
              onUserMediaError={(error) => {
                setErrorKind(cameraErrorKind(error));
                go("error");
              }}
              aria-label="Tampilan langsung kamera"
              className="block h-auto w-full"
            />
          </div>
          <p role="status" className="text-sm text-slate-700">
            {phase === "starting"
              ? "Menunggu izin kamera… Pilih \u201cIzinkan\u201d bila browser bertanya."
              : capturing
                ? "Mengambil dan memeriksa foto…"
                : notReady
                ? "Kamera belum menampilkan gambar. Tunggu sebentar lalu tekan \u201cAmbil Foto\u201d lagi."
                : videoReady
                  ? "Kamera aktif."
                  : "Menyiapkan gambar kamera…"}
          </p>
          <button ref={focusLater} id={id} type="button" className={primaryClass} onClick={() => void capture()} disabled={phase !== "live"}>
            Ambil Foto
          </button>
        </div>
      ) : null}

      {phase === "captured" && captured ? (
        <div className="space-y-3">
          <img src={captured.url} alt="Pratinjau swafoto yang baru diambil" className="max-h-72 w-auto max-w-full rounded border border-slate-300" />
          <div className="flex flex-wrap gap-3">
            {/* A frame that cannot be used offers only "Foto Ulang" (its message is by the field). */}
            <button
              ref={captured.problem ? focusLater : undefined}
              id={captured.problem ? id : undefined}
              type="button"
              className={captured.problem ? primaryClass : secondaryButtonClass}
              onClick={start}
              disabled={busy}
            >
              Foto Ulang
            </button>
            {captured.problem ? null : (
              <button
                ref={focusLater}
                id={id}
                type="button"
                className={primaryClass}
                disabled={busy}
                onClick={() => void use(captured.blob, false)}
              >
                Gunakan Foto
              </button>
            )}
          </div>
        </div>
      ) : null}

      {phase === "error" ? (
        <div role="group" aria-labelledby="kamera-bermasalah" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4">
          <CameraHelp
            kind={errorKind}
            headingId="kamera-bermasalah"
            actions={
              <div className="space-y-4">
                <button id={id} type="button" className={primaryClass} onClick={start}>
                  Coba Lagi
                </button>
                <div className="border-t border-red-200 pt-3">
                  <label htmlFor="f-selfieFile" className="block font-medium">
                    Atau ambil swafoto dengan aplikasi kamera perangkat
                  </label>
                  <p id="f-selfieFile-hint" className="text-sm text-slate-700">
                    Di ponsel, ini membuka kamera depan; di komputer, pilih foto wajah Anda yang baru diambil.
                  </p>
                  <input
                    id="f-selfieFile"
                    type="file"
                    accept="image/*"
                    capture="user"
                    aria-describedby="f-selfieFile-hint"
                    className="mt-1 block w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-brand-600 file:bg-white file:px-4 file:py-2 file:font-semibold file:text-brand-700"
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      event.target.value = "";
                      if (file) void use(file, true);
                    }}
                  />
                </div>
              </div>
            }
          />
        </div>
      ) : null}

      {busy ? <ProgressBar id="kemajuan-swafoto" label="Memproses swafoto" value={null} /> : null}
      <p role="status" className="text-sm text-slate-700">
        {busy ? "Memproses foto… Foto diperkecil di perangkat Anda." : ""}
      </p>
      <FieldMessages name="selfie" errors={errors} />
    </section>
  );
}
