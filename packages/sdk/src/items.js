"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toItems = toItems;
exports.isJsonObject = isJsonObject;
function toItems(values) {
    return values.map(function (json) { return ({ json: json }); });
}
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
