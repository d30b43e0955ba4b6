export * from './ast.js';
export { parseHcl, parseExpression, parseTemplate, type ParseResult } from './parser.js';
export { SourceFile } from './source.js';
export { parseJson, type JNode } from './json.js';
export { jsonToBody, jsonExpr, type JsonBodySpec, type BlockSpec, EMPTY_SPEC } from './json-body.js';
