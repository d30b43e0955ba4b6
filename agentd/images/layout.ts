import { join, resolve, sep } from 'node:path';
import type { VolumeFormat } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { namedRegExp } from '../names.js';

/**
 * Where image stores keep things (apart from pools, so no pool name can collide):
 *   <storageRoot>/.images/<store>/                        the store
 *   <storageRoot>/.images/<store>/.nssv/store.json        marker: {address}
 *   <storageRoot>/.images/<store>/<image>.<format>        a verified image (read-only)
 *   <storageRoot>/.images/<store>/.nssv/images/<i>.json   record: {address, source, format, sha256}
 *   <storageRoot>/.images/<store>/.nssv/incoming/         downloads being verified
 *   <storageRoot>/.images/.trash/<id>/                    a deleted image, its record and entry.json
 */
export class ImageLayout {
  readonly root: string;

  constructor(storageRoot: string) {
    this.root = resolve(storageRoot, '.images');
  }

  storeDir(store: string): string {
    return this.inside(join(this.root, store));
  }

  storeMarker(store: string): string {
    return this.inside(join(this.storeDir(store), '.nssv', 'store.json'));
  }

  recordDir(store: string): string {
    return this.inside(join(this.storeDir(store), '.nssv', 'images'));
  }

  record(store: string, image: string): string {
    return this.inside(join(this.recordDir(store), `${image}.json`));
  }

  incomingDir(store: string): string {
    return this.inside(join(this.storeDir(store), '.nssv', 'incoming'));
  }

  imagePath(store: string, image: string, format: VolumeFormat): string {
    return this.inside(join(this.storeDir(store), `${image}.${format}`));
  }

  /** The images' trash (".trash" is no store name, so listings of stores skip it). */
  trashRoot(): string {
    return this.inside(join(this.root, '.trash'));
  }

  trashDir(id: string): string {
    return this.inside(join(this.trashRoot(), id));
  }

  /** The store and image an image path belongs to, or undefined. */
  parseImagePath(path: string): { store: string; image: string; format: VolumeFormat } | undefined {
    const prefix = this.root + sep;
    if (!path.startsWith(prefix)) return undefined;
    const m = namedRegExp('^<name>/<name>\\.<format>$').exec(path.slice(prefix.length));
    return m ? { store: m[1]!, image: m[2]!, format: m[3] as VolumeFormat } : undefined;
  }

  private inside(path: string): string {
    const resolved = resolve(path);
    if (resolved !== this.root && !resolved.startsWith(this.root + sep)) {
      throw errors.invalidRequest(
        `path ${JSON.stringify(path)} is outside the image root ${JSON.stringify(this.root)}`,
      );
    }
    return resolved;
  }
}
