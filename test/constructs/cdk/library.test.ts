/** Which CDK core the constructs build on, and the error for a stack of the other one. */
import { TerraformStack, Testing } from 'cdktf';
import { chooseCdkLibrary, libraryOf, cdkLibraryName } from '../../../constructs/cdk/library.js';
import { NssvVm } from '../../../constructs/index.js';
import { TerraformStack as TnStack, Testing as TnTesting } from 'cdktn';

const both = () => true;

it('GIVEN NSSV_CDK_LIBRARY WHEN choosing THEN it wins over what is loaded or installed', () => {
  expect(chooseCdkLibrary({ NSSV_CDK_LIBRARY: 'cdktf' }, ['cdktn'], both)).toBe('cdktf');
});

it('GIVEN one library already loaded by the app WHEN choosing THEN it is that one', () => {
  expect(chooseCdkLibrary({}, ['cdktf'], both)).toBe('cdktf');
  expect(chooseCdkLibrary({}, ['cdktn'], both)).toBe('cdktn');
});

it('GIVEN nothing loaded WHEN choosing THEN the installed one is used, cdktn first', () => {
  expect(chooseCdkLibrary({}, [], both)).toBe('cdktn');
  expect(chooseCdkLibrary({}, [], (n) => n === 'cdktf')).toBe('cdktf');
});

it('GIVEN bad settings WHEN choosing THEN the error names the value and the fix', () => {
  expect(() => chooseCdkLibrary({ NSSV_CDK_LIBRARY: 'cdk' }, [], both)).toThrow(
    'NSSV_CDK_LIBRARY="cdk" is not a CDK for Terraform library: allowed values are "cdktn" and "cdktf". Fix: unset it, or set it to one of them.',
  );
  expect(() => chooseCdkLibrary({ NSSV_CDK_LIBRARY: 'cdktf' }, [], (n) => n === 'cdktn')).toThrow(
    'NSSV_CDK_LIBRARY=cdktf, but the package "cdktf" is not installed. Fix: npm install cdktf, or unset NSSV_CDK_LIBRARY.',
  );
  expect(() => chooseCdkLibrary({}, [], () => false)).toThrow(
    'nssv/constructs needs CDK for Terraform: neither "cdktn" nor "cdktf" is installed. Fix: npm install cdktn@0.24 (or cdktf@0.21) in your CDK app.',
  );
});

it('GIVEN stacks of each library WHEN asked THEN libraryOf tells them apart', () => {
  expect(libraryOf(new TerraformStack(Testing.app(), 's'))).toBe('cdktf');
  expect(libraryOf(new TnStack(TnTesting.app(), 's'))).toBe('cdktn');
});

it('GIVEN a stack of the other library WHEN a construct is added THEN it fails at once naming the path and the fix', () => {
  expect(cdkLibraryName).toBe('cdktn');
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(() => new NssvVm(stack, 'vm', { name: 'a', clusterId: 'c' })).toThrow(
    'stack/vm: the stack is a cdktf TerraformStack, but nssv/constructs is built on cdktn. Fix: set NSSV_CDK_LIBRARY=cdktf, or import "cdktf" before "nssv/constructs".',
  );
});
