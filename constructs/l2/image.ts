import type { Construct } from 'constructs';
import { NssvImage, type NssvImageConfig } from '../l1/nssv_image.js';
import { NssvConstruct } from './base.js';
import type { ImageStorage } from './imageStorage.js';
import type { RemovalPolicy } from './removalPolicy.js';

export interface ImageProps {
  readonly storage: ImageStorage;
  /** The image file to import. */
  readonly source: string;
  /** @default the construct id */
  readonly name?: string;
  readonly format?: NssvImageConfig['format'];
  /** Expected sha256 of the file (verified). */
  readonly sha256?: string;
  readonly osType?: NssvImageConfig['osType'];
  /** @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
  readonly description?: string;
}

/** An image template (nssv_image) volumes can be cloned from. Refused by `nssv plan` today (no agent support yet). */
export class Image extends NssvConstruct<NssvImage> {
  public constructor(scope: Construct, id: string, props: ImageProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvImage(s, 'Resource', {
          name: props.name ?? id,
          imageStorageId: props.storage.imageStorageId,
          source: props.source,
          format: props.format,
          sha256: props.sha256,
          osType: props.osType,
          deletePolicy: props.removalPolicy,
          description: props.description,
        }),
      { image_storage_id: 'storage', delete_policy: 'removalPolicy' },
    );
  }

  public get imageId(): string {
    return this.refId;
  }
}
