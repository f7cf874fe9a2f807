import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDirectoryPhotoStorage, isValidStorageKey } from "@/server/storage";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "sscasn-photos-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("LocalDirectoryPhotoStorage", () => {
  it("stores, reads and deletes photos under server-made keys, creating folders as needed", async () => {
    const storage = new LocalDirectoryPhotoStorage(path.join(root, "nested", "storage"));
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    await storage.put("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg", bytes);
    expect(await storage.get("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg")).toEqual(bytes);
    expect(fs.readdirSync(path.join(root, "nested", "storage", "ktp"))).toEqual(["0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg"]);
    await storage.delete("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg");
    expect(await storage.get("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg")).toBeNull();
    await expect(storage.delete("ktp/missing.jpg")).resolves.toBeUndefined();
  });

  it("replaces a file whole and leaves no temporary files behind", async () => {
    const storage = new LocalDirectoryPhotoStorage(root);
    await storage.put("selfie/a.jpg", Buffer.alloc(1000, 1));
    await storage.put("selfie/a.jpg", Buffer.alloc(10, 2));
    expect(await storage.get("selfie/a.jpg")).toEqual(Buffer.alloc(10, 2));
    expect(fs.readdirSync(path.join(root, "selfie"))).toEqual(["a.jpg"]);
  });

  it("refuses keys that could leave the storage directory", async () => {
    const storage = new LocalDirectoryPhotoStorage(path.join(root, "inner"));
    fs.writeFileSync(path.join(root, "secret.jpg"), "do not read");
    for (const key of ["../secret.jpg", "ktp/../../secret.jpg", "/etc/passwd", path.join(root, "secret.jpg"), "ktp\\..\\x.jpg", "", "ktp/", "ktp/a.jpg\0", "ktp//a.jpg", "./a.jpg"]) {
      expect(isValidStorageKey(key), key).toBe(false);
      await expect(storage.get(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.put(key, Buffer.from("x")), key).rejects.toThrow(/Invalid storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/Invalid storage key/);
    }
    expect(fs.readFileSync(path.join(root, "secret.jpg"), "utf8")).toBe("do not read");
  });

  it("keeps photos for the server's user alone: folders 0700 (a wider root is tightened), files 0600", async () => {
    fs.chmodSync(root, 0o755);
    const storage = new LocalDirectoryPhotoStorage(path.join(root, "storage"));
    await storage.put("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg", Buffer.from([1, 2, 3]));
    await storage.put("selfie/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg", Buffer.from([1, 2, 3]));
    const mode = (file: string) => fs.statSync(path.join(root, "storage", file)).mode & 0o777;
    expect(mode(".")).toBe(0o700);
    expect(mode("ktp")).toBe(0o700);
    expect(mode("selfie")).toBe(0o700);
    expect(mode("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg")).toBe(0o600);

    const existing = path.join(root, "existing");
    fs.mkdirSync(existing, { mode: 0o755 });
    fs.chmodSync(existing, 0o755);
    await new LocalDirectoryPhotoStorage(existing).put("ktp/a.jpg", Buffer.from([1]));
    expect(fs.statSync(existing).mode & 0o777).toBe(0o700);
  });

  it("lists its photos and leftover temporary files for the orphan sweep, and nothing else", async () => {
    const storage = new LocalDirectoryPhotoStorage(root);
    await storage.put("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg", Buffer.from([1]));
    fs.writeFileSync(path.join(root, "ktp", "0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c002.jpg.0123456789ab.tmp"), "");
    fs.writeFileSync(path.join(root, "README"), "not ours");
    const items = [];
    for await (const item of storage.listItems()) items.push(item);
    expect(items.map(({ name, key }) => ({ name, key })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg", key: "ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg" },
      { name: "ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c002.jpg.0123456789ab.tmp", key: null },
    ]);
    for (const item of items) expect(item.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await storage.removeItem("ktp/0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c002.jpg.0123456789ab.tmp");
    await expect(storage.removeItem("../README")).rejects.toThrow(/Invalid storage key/);
    expect(fs.readdirSync(path.join(root, "ktp"))).toEqual(["0b6c4c1e-7a58-4a53-9a1e-3f0cd7a5c001.jpg"]);
  });
});
