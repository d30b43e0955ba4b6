import { annotationsOf } from '../../../schemas/annotationView.js';
import { resourceSchema, resourceTypes } from '../../../schemas/registry.js';
import { hasHandler } from '../../../provider/handlers/registry.js';

describe('x-nssv-not-supported-yet', () => {
  it.each(resourceTypes())(
    'GIVEN %s THEN its schema says "not supported yet" exactly when no handler exists',
    (type) => {
      expect(annotationsOf(resourceSchema(type)).notSupportedYet).toBe(!hasHandler(type));
    },
  );

  it('GIVEN the schemas THEN the attributes plan refuses are the ones the agents cannot apply yet', () => {
    const marked = resourceTypes().flatMap((type) =>
      Object.entries(resourceSchema(type).properties ?? {}).flatMap(([name, p]) => [
        ...(annotationsOf(p).notSupportedYet ? [`${type}.${name}`] : []),
        ...Object.entries(p.items?.properties ?? {})
          .filter(([, leaf]) => annotationsOf(leaf).notSupportedYet)
          .map(([leaf]) => `${type}.${name}[].${leaf}`),
      ]),
    );
    expect(marked).toEqual(['nssv_cluster.ha_enabled', 'nssv_image_storage.path', 'nssv_port_group.dhcp']);
  });
});
