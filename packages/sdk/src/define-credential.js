"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineCredentialType = defineCredentialType;
function defineCredentialType(definition) {
    for (var _i = 0, _a = definition.secretFields; _i < _a.length; _i++) {
        var field = _a[_i];
        if (!field)
            throw new Error("credential type ".concat(definition.type, ": empty secret field name"));
    }
    return definition;
}
