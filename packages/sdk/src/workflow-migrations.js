"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
var __rest = (this && this.__rest) || function (s, e) {
    var t = {};
    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
        t[p] = s[p];
    if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
            if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                t[p[i]] = s[p[i]];
        }
    return t;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.migrateWorkflowDocument = migrateWorkflowDocument;
exports.parseWorkflow = parseWorkflow;
var errors_js_1 = require("./errors.js");
var workflow_schema_js_1 = require("./workflow-schema.js");
var migrations = {
    // 0 → 1: documents written before schemaVersion existed used `parameters` for params.
    0: function (doc) { return (__assign(__assign({}, doc), { schemaVersion: 1, nodes: Array.isArray(doc['nodes'])
            ? doc['nodes'].map(function (n) {
                if (typeof n !== 'object' || n === null)
                    return n;
                var _a = n, parameters = _a.parameters, rest = __rest(_a, ["parameters"]);
                return parameters !== undefined && rest['params'] === undefined ? __assign(__assign({}, rest), { params: parameters }) : n;
            })
            : doc['nodes'] })); },
};
function migrateWorkflowDocument(raw) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new errors_js_1.ValidationError('', 'a workflow must be a JSON object');
    }
    var doc = raw;
    var version = doc['schemaVersion'] === undefined ? 0 : doc['schemaVersion'];
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
        throw new errors_js_1.ValidationError('schemaVersion', 'must be a non-negative integer');
    }
    if (version > workflow_schema_js_1.CURRENT_WORKFLOW_SCHEMA_VERSION) {
        throw new errors_js_1.ValidationError('schemaVersion', "version ".concat(version, " is newer than this Shopwire supports (").concat(workflow_schema_js_1.CURRENT_WORKFLOW_SCHEMA_VERSION, "); upgrade Shopwire"));
    }
    // A document without schemaVersion that already uses `params` is treated as current.
    if (doc['schemaVersion'] === undefined && !hasLegacyParameters(doc))
        version = workflow_schema_js_1.CURRENT_WORKFLOW_SCHEMA_VERSION;
    while (version < workflow_schema_js_1.CURRENT_WORKFLOW_SCHEMA_VERSION) {
        var step = migrations[version];
        if (!step)
            throw new errors_js_1.ValidationError('schemaVersion', "no migration from version ".concat(version));
        doc = step(doc);
        version += 1;
    }
    return __assign(__assign({}, doc), { schemaVersion: workflow_schema_js_1.CURRENT_WORKFLOW_SCHEMA_VERSION });
}
function hasLegacyParameters(doc) {
    var nodes = doc['nodes'];
    return Array.isArray(nodes) && nodes.some(function (n) { return typeof n === 'object' && n !== null && 'parameters' in n; });
}
/**
 * Migrates and validates a workflow document. Throws ValidationError naming the offending field
 * (e.g. `nodes.2.type`). Graph checks (unknown node types, cycles) are the engine's `validateWorkflow`.
 */
function parseWorkflow(raw) {
    var migrated = migrateWorkflowDocument(raw);
    var result = workflow_schema_js_1.workflowSchema.safeParse(migrated);
    if (!result.success)
        throw (0, errors_js_1.validationErrorFromIssues)(result.error.issues);
    return result.data;
}
