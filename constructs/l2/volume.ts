import type { Construct } from 'constructs';
import { NssvVolume, type NssvVolumeConfig } from '../l1/nssv_volume.js';
import { NssvConstruct } from './base.js';
import type { Image } from './image.js';
import type { RemovalPolicy } from './removalPolicy.js';
import type { Size } from './size.js';
import type { StoragePool } from './storagePool.js';

export interface VolumeProps {
  readonly pool: StoragePool;
  /** Virtual size, a whole number of GiB (1–65536): `Size.gibibytes(10)`. */
  readonly size: Size;
  /** @default the construct id */
  readonly name?: string;
  /** @default the pool's: "qcow2" in a dir pool, "raw" in an rbd pool */
  readonly format?: NssvVolumeConfig['format'];
  /** Clone the volume from this image (`cloneMode`: linked, full or rapid). */
  readonly image?: Image;
  readonly cloneMode?: NssvVolumeConfig['cloneMode'];
  /** @default RemovalPolicy.DESTROY_DELAYED (the schema's default: moved to the host's trash, purged later) */
  readonly removalPolicy?: RemovalPolicy;
}

/** A block volume in a storage pool (nssv_volume). */
export class Volume extends NssvConstruct<NssvVolume> {
  public constructor(scope: Construct, id: string, props: VolumeProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvVolume(s, 'Resource', {
          name: props.name ?? id,
          poolId: props.pool.poolId,
          sizeGib: props.size.toGibibytes(),
          format: props.format,
          sourceImageId: props.image?.imageId,
          cloneMode: props.cloneMode,
          deletePolicy: props.removalPolicy,
        }),
      { pool_id: 'pool', size_gib: 'size', source_image_id: 'image', delete_policy: 'removalPolicy' },
    );
  }

  public get volumeId(): string {
    return this.refId;
  }
}
