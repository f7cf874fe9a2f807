#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster, for the tests and for trying `npm start` on PostgreSQL by hand.
 *
 * Debian's PostgreSQL (`apt-get install postgresql`, installed by `ensurePostgresInstalled` when
 * missing and we are root) provides the binaries; this module runs `initdb` in a fresh temporary
 * folder, starts the server on 127.0.0.1 at a free port with a trust login for `postgres`, and
 * stops and removes it all again. `initdb` refuses to run as root, so as root every command runs
 * as the `postgres` user (runuser). Durability is switched off (fsync, synchronous_commit): the
 * cluster lives for one run and speed is what matters.
 *
 * By hand: `node scripts/lib/postgres-cluster.mjs [--port 55500]` prints the URL and keeps the
 * cluster until Ctrl-C.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const isRoot = process.getuid?.() === 0;

/** The folder of the newest installed PostgreSQL's binaries (POSTGRES_BIN wins), or null. */
export function findPostgresBin() {
  if (process.env.POSTGRES_BIN) return fs.existsSync(path.join(process.env.POSTGRES_BIN, "initdb")) ? process.env.POSTGRES_BIN : null;
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((version) => fs.existsSync(path.join(base, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], "bin") : null;
}

/** Installs Debian's `postgresql` when missing (as root); otherwise says what to install. */
export function ensurePostgresInstalled() {
  if (findPostgresBin()) return findPostgresBin();
  if (!isRoot) throw new Error("PostgreSQL is not installed. Install Debian's package first: sudo apt-get install -y postgresql");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "postgresql"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed; install it by hand: apt-get install -y postgresql`);
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error("apt-get installed postgresql but no initdb was found under /usr/lib/postgresql");
  return bin;
}

function runAsOwner(bin, command, args) {
  const file = path.join(bin, command);
  const [cmd, cmdArgs] = isRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  const result = spawnSync(cmd, cmdArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || "").trim().slice(-2000)}`);
  }
  return result.stdout;
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A free port on 127.0.0.1: the first free one in [from, to] when given, else one the system picks. */
export async function findFreePort(range) {
  if (range) {
    for (let port = range[0]; port <= range[1]; port++) if (await isPortFree(port)) return port;
    throw new Error(`No free port in ${range[0]}-${range[1]}`);
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** "55500-55599" → [55500, 55599]; undefined when unset. */
export function parsePortRange(text) {
  if (!text) return undefined;
  const match = /^(\d+)-(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`A port range is written FROM-TO, e.g. 55500-55599 (got ${text})`);
  return [Number(match[1]), Number(match[2])];
}

/**
 * Starts a fresh cluster. Resolves to `{ url, port, dir, startMs, stop }`; `url` points at the
 * `postgres` database as the `postgres` superuser, `urlFor(name)` at another database; `stop()`
 * (synchronous, idempotent) stops the server and removes the folder. The cluster is also stopped
 * when this process exits or receives SIGINT/SIGTERM.
 */
export async function startPostgresCluster(options = {}) {
  const started = Date.now();
  const bin = options.bin ?? findPostgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed (no initdb under /usr/lib/postgresql); apt-get install -y postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-pg-"));
  if (isRoot) spawnSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");

  let running = false;
  const stop = () => {
    if (running) {
      running = false;
      try {
        runAsOwner(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch (error) {
        console.error(`postgres-cluster: stop failed: ${error.message}`);
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    process.off("exit", stop);
    for (const signal of ["SIGINT", "SIGTERM"]) process.off(signal, onSignal);
  };
  const onSignal = (signal) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, onSignal);

  try {
    runAsOwner(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    // Another process may take the port between the check and the start: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = options.port ?? (await findFreePort(options.portRange));
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        "-c listen_addresses=127.0.0.1",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        `-c max_connections=${options.maxConnections ?? 200}`,
      ].join(" ");
      try {
        runAsOwner(bin, "pg_ctl", ["-D", data, "-l", log, "-o", serverOptions, "-w", "-t", "30", "start"]);
      } catch (error) {
        if (attempt < 3 && options.port === undefined) continue;
        const serverLog = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : "";
        throw new Error(`${error.message}\n${serverLog}`);
      }
      running = true;
      const urlFor = (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
      return { url: urlFor("postgres"), urlFor, port, dir, startMs: Date.now() - started, stop };
    }
  } catch (error) {
    stop();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const portArg = process.argv.indexOf("--port");
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
  ensurePostgresInstalled();
  const cluster = await startPostgresCluster({ port });
  console.log(`PostgreSQL ready in ${cluster.startMs} ms (Ctrl-C stops and removes it):\n${cluster.url}`);
  setInterval(() => {}, 1 << 30);
}
