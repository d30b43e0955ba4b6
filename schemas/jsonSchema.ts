/** The subset of JSON Schema (2020-12) plus nssv annotations that resource schemas use. */
export interface JsonSchema {
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  readOnly?: boolean;
  writeOnly?: boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  /** Changing the attribute replaces the resource. */
  'x-nssv-force-new'?: boolean;
  /** Optional; when not set, nssv fills it (at plan time or after apply). */
  'x-nssv-computed'?: boolean;
  /** Never shown in plans or logs. */
  'x-nssv-sensitive'?: boolean;
  /** An HCL nested block (repeatable), an array of objects in JSON. */
  'x-nssv-block'?: boolean;
  /** The attribute holds the id of a resource of this type. */
  'x-nssv-reference'?: string;
  /** Top level: which attribute the id equals. */
  'x-nssv-id'?: string;
  /**
   * Agent API: a usage figure that changes on its own (free space, bytes allocated, packets
   * matched), left out of the inventory's entity tag (agentd/http/inventoryTag.ts).
   */
  'x-nssv-volatile'?: boolean;
  [key: string]: unknown;
}
