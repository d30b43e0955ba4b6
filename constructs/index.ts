export { cdkLibraryName, type CdkLibraryName } from './cdk/library.js';
export {
  NssvProvider,
  NSSV_PROVIDER_SOURCE,
  type IDeclaresProviderHost,
  type NssvProviderConfig,
  type NssvProviderHost,
} from './cdk/provider.js';
export * from './l1/index.js';
export * from './l2/index.js';
