/** What a plan does to one resource instance. */
export type Action = 'create' | 'update' | 'replace' | 'delete' | 'migrate' | 'noop';
