"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NODE_PACKAGE_API_VERSION = void 0;
exports.definePackage = definePackage;
/** The plugin API version a node package is written against (`shopwire.apiVersion` in package.json). */
exports.NODE_PACKAGE_API_VERSION = 1;
function definePackage(pkg) {
    var seen = new Set();
    for (var _i = 0, _a = pkg.nodes; _i < _a.length; _i++) {
        var node = _a[_i];
        var key = "".concat(node.type, "@").concat(node.version);
        if (seen.has(key))
            throw new Error("package ".concat(pkg.name, ": node ").concat(key, " is declared twice"));
        seen.add(key);
    }
    return pkg;
}
