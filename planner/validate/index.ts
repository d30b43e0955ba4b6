export { validateInstances } from './validateInstances.js';
export { validateInstance } from './validateInstance.js';
export { CODES } from './errors.js';
