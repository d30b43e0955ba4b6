/** IPv4 helpers live with the rules' interpreter (schemas/rules), which both planner and constructs use. */
export * from '../../../schemas/rules/ipv4.js';
