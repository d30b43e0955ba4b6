export { nssvMatchers, type NssvMatchers } from './matchers.js';
export { synthStack, validationProblems, type SynthesizedStack } from './synth.js';
