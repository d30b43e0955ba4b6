import { renderCliConfig, terraformPlatform } from '../../../../provider/tfplugin/install/mirror.js';

describe('provider install', () => {
  it('GIVEN a mirror directory THEN the CLI configuration takes nssv/nssv from it and only from it', () => {
    expect(renderCliConfig('/opt/nssv/tf'))
      .toBe(`# Written by \`nssv provider install\`: Terraform takes nssv/nssv from the filesystem mirror
# below (no network needed) and every other provider from its registry as usual.
provider_installation {
  filesystem_mirror {
    path    = "/opt/nssv/tf"
    include = ["registry.terraform.io/nssv/nssv"]
  }
  direct {
    exclude = ["registry.terraform.io/nssv/nssv"]
  }
}
`);
  });

  it("GIVEN Node's platform names THEN Terraform's", () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('linux', 'arm64')).toBe('linux_arm64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
  });
});
