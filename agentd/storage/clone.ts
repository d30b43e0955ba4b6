import type {
  ImageInfo,
  VolumeFormat,
  VolumeSourceInfo,
  VolumeSourceSpec,
} from '../../schemas/generated/agentApi.js';
import { GIB, type QemuImg } from '../drivers/qemu-img.js';
import { errors } from '../errors.js';
import type { Images } from '../images/images.js';
import type { Flattener } from './flatten.js';

/** What volumes need to be made from images. */
export interface CloneDeps {
  images: Images;
  flattener: Flattener;
  /** Whether the host's Ceph cluster has an rbd image store of this name (its images clone only into rbd pools). */
  isRbdStore?: (store: string) => Promise<boolean>;
}

/** The image a volume spec names, or a not_found error that says how to get it. */
export async function sourceImage(deps: CloneDeps | undefined, source: VolumeSourceSpec): Promise<ImageInfo> {
  const image = await deps?.images.get(source.store, source.image);
  if (!image && (await deps?.isRbdStore?.(source.store))) {
    throw errors.invalidRequest(
      `image ${JSON.stringify(source.image)} is in rbd image store ${JSON.stringify(source.store)}: volumes made from it are rbd clones, so they must be in an rbd pool; put the volume in an rbd pool, or import the image into a dir image storage`,
    );
  }
  if (!image) {
    throw errors.notFound(
      `image ${JSON.stringify(source.image)} does not exist in image store ${JSON.stringify(source.store)} on this host; import it first (PUT /v1/image-stores/${source.store}/images/${source.image})`,
    );
  }
  return image;
}

/**
 * Makes the image file of a new volume from an image: linked and rapid as a qcow2 overlay
 * (`-b image -F format`), full as a converted copy (raw↔qcow2 as needed) grown to the size.
 */
export async function cloneImage(
  qemuImg: QemuImg,
  image: ImageInfo,
  mode: VolumeSourceSpec['cloneMode'],
  path: string,
  format: VolumeFormat,
  sizeGiB: number,
): Promise<void> {
  if (sizeGiB * GIB < image.virtualSizeBytes) {
    throw errors.invalidRequest(
      `the volume (${sizeGiB} GiB) is smaller than image ${JSON.stringify(image.name)} (${Math.ceil(image.virtualSizeBytes / GIB)} GiB virtual size); set size_gib to at least ${Math.ceil(image.virtualSizeBytes / GIB)}`,
    );
  }
  if (mode === 'full') {
    await qemuImg.convert(image.path, image.format, path, format);
    await qemuImg.grow(path, format, sizeGiB);
    return;
  }
  if (format !== 'qcow2') {
    throw errors.invalidRequest(
      `a ${mode} clone is a qcow2 overlay of the image, so the volume's format must be qcow2, not ${format}; set format = "qcow2" or clone_mode = "full"`,
    );
  }
  await qemuImg.createOverlay(path, image.path, image.format, sizeGiB);
}

/** How a cloned volume stands: still reading through to its image, being flattened, or independent. */
export function cloneState(
  source: VolumeSourceSpec,
  backingFile: string | undefined,
  flattening: boolean,
): VolumeSourceInfo {
  const state = backingFile === undefined ? 'independent' : flattening ? 'flattening' : 'linked';
  return { ...source, state };
}
