"use strict";
/**
 * Pure string inspection of `{{ ... }}` templates. Nothing here evaluates anything: evaluation
 * happens only inside the sandbox. The engine uses these to decide which strings need the sandbox
 * and which upstream nodes' data an expression may read.
 */
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.isExpressionTemplate = isExpressionTemplate;
exports.referencedNodeNames = referencedNodeNames;
exports.referencesNodesDynamically = referencesNodesDynamically;
/** True when a param string contains at least one `{{ ... }}` segment. */
function isExpressionTemplate(value) {
    var open = value.indexOf('{{');
    return open !== -1 && value.indexOf('}}', open + 2) !== -1;
}
var NODE_REFERENCE_PATTERNS = [
    /\$\(\s*(['"`])((?:\\.|(?!\1).)*)\1\s*\)/g, // $('Node name')
    /\$node\s*\[\s*(['"`])((?:\\.|(?!\1).)*)\1\s*\]/g, // $node["Node name"]
];
var NODE_DOT_PATTERN = /\$node\.([A-Za-z_$][\w$]*)/g; // $node.Name
/** Names of nodes a template refers to, so only their data is sent to the sandbox. */
function referencedNodeNames(template) {
    var names = new Set();
    for (var _i = 0, NODE_REFERENCE_PATTERNS_1 = NODE_REFERENCE_PATTERNS; _i < NODE_REFERENCE_PATTERNS_1.length; _i++) {
        var pattern = NODE_REFERENCE_PATTERNS_1[_i];
        for (var _a = 0, _b = template.matchAll(pattern); _a < _b.length; _a++) {
            var match = _b[_a];
            var raw = match[2];
            if (raw !== undefined)
                names.add(raw.replace(/\\(.)/g, '$1'));
        }
    }
    for (var _c = 0, _d = template.matchAll(NODE_DOT_PATTERN); _c < _d.length; _c++) {
        var match = _d[_c];
        if (match[1] !== undefined)
            names.add(match[1]);
    }
    return __spreadArray([], names, true);
}
/** True when the template may read every upstream node (e.g. `$node[name]` with a computed name). */
function referencesNodesDynamically(template) {
    return /\$\(\s*[^'"`\s)]/.test(template) || /\$node\s*\[\s*[^'"`\s\]]/.test(template);
}
