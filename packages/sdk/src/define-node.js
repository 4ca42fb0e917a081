"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineNode = defineNode;
exports.isWaitResult = isWaitResult;
exports.nodeOutputs = nodeOutputs;
exports.nodeInputCount = nodeInputCount;
/** Declares a node. Params are typed from the zod schema. */
function defineNode(definition) {
    if (definition.kind === 'trigger' && !definition.trigger) {
        throw new Error("node ".concat(definition.type, ": a trigger must declare how it starts (trigger: {...})"));
    }
    if (definition.kind !== 'trigger' && !definition.run) {
        throw new Error("node ".concat(definition.type, ": run(ctx) is required"));
    }
    return definition;
}
function isWaitResult(result) {
    return !Array.isArray(result) && typeof result === 'object' && 'wait' in result && 'items' in result;
}
/** Resolved names of a node's outputs for the given params. */
function nodeOutputs(definition, params) {
    var outputs = definition.outputs;
    if (!outputs)
        return ['main'];
    return typeof outputs === 'function' ? outputs(params) : outputs;
}
function nodeInputCount(definition, params) {
    var inputs = definition.inputs;
    if (inputs === undefined)
        return definition.kind === 'trigger' ? 0 : 1;
    return typeof inputs === 'function' ? inputs(params) : inputs;
}
