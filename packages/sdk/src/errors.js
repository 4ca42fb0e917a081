"use strict";
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
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
exports.SandboxError = exports.NodeError = exports.ValidationError = exports.ShopwireError = void 0;
exports.toErrorData = toErrorData;
exports.validationErrorFromIssues = validationErrorFromIssues;
var ShopwireError = /** @class */ (function (_super) {
    __extends(ShopwireError, _super);
    function ShopwireError(code, message, options) {
        var _a;
        var _this = _super.call(this, message, (options === null || options === void 0 ? void 0 : options.cause) === undefined ? undefined : { cause: options.cause }) || this;
        _this.name = 'ShopwireError';
        _this.code = code;
        _this.retryable = (_a = options === null || options === void 0 ? void 0 : options.retryable) !== null && _a !== void 0 ? _a : false;
        return _this;
    }
    ShopwireError.prototype.toData = function () {
        return { code: this.code, message: this.message, retryable: this.retryable };
    };
    return ShopwireError;
}(Error));
exports.ShopwireError = ShopwireError;
/** Bad input: names the field that is wrong. */
var ValidationError = /** @class */ (function (_super) {
    __extends(ValidationError, _super);
    function ValidationError(field, message, issues) {
        var _this = _super.call(this, 'VALIDATION', field ? "".concat(field, ": ").concat(message) : message) || this;
        _this.name = 'ValidationError';
        _this.field = field;
        _this.issues = issues !== null && issues !== void 0 ? issues : [{ field: field, message: message }];
        return _this;
    }
    ValidationError.prototype.toData = function () {
        return __assign(__assign({}, _super.prototype.toData.call(this)), { field: this.field });
    };
    return ValidationError;
}(ShopwireError));
exports.ValidationError = ValidationError;
/** A node failed; carries the node and the item it failed on. */
var NodeError = /** @class */ (function (_super) {
    __extends(NodeError, _super);
    function NodeError(message, options) {
        var _a;
        var _this = _super.call(this, (_a = options === null || options === void 0 ? void 0 : options.code) !== null && _a !== void 0 ? _a : 'NODE_ERROR', message, options) || this;
        _this.name = 'NodeError';
        _this.nodeId = options === null || options === void 0 ? void 0 : options.nodeId;
        _this.itemIndex = options === null || options === void 0 ? void 0 : options.itemIndex;
        _this.httpStatus = options === null || options === void 0 ? void 0 : options.httpStatus;
        _this.description = options === null || options === void 0 ? void 0 : options.description;
        return _this;
    }
    NodeError.prototype.toData = function () {
        var data = _super.prototype.toData.call(this);
        if (this.nodeId !== undefined)
            data.nodeId = this.nodeId;
        if (this.itemIndex !== undefined)
            data.itemIndex = this.itemIndex;
        if (this.httpStatus !== undefined)
            data.httpStatus = this.httpStatus;
        if (this.description !== undefined)
            data.description = this.description;
        return data;
    };
    return NodeError;
}(ShopwireError));
exports.NodeError = NodeError;
/** User code or an expression failed inside the sandbox (syntax, runtime, limits). */
var SandboxError = /** @class */ (function (_super) {
    __extends(SandboxError, _super);
    function SandboxError(code, message) {
        var _this = _super.call(this, code, message) || this;
        _this.name = 'SandboxError';
        return _this;
    }
    return SandboxError;
}(ShopwireError));
exports.SandboxError = SandboxError;
/** Converts anything thrown into plain error data. */
function toErrorData(error) {
    if (error instanceof ShopwireError)
        return error.toData();
    if (error instanceof Error)
        return { code: 'INTERNAL', message: error.message };
    return { code: 'INTERNAL', message: String(error) };
}
/** Converts zod issues into a ValidationError naming the first offending field. */
function validationErrorFromIssues(issues, prefix) {
    var _a;
    if (prefix === void 0) { prefix = ''; }
    var list = issues.map(function (issue) { return ({
        field: __spreadArray([prefix], issue.path.map(String), true).filter(function (p) { return p !== ''; }).join('.'),
        message: issue.message,
    }); });
    var first = (_a = list[0]) !== null && _a !== void 0 ? _a : { field: prefix, message: 'invalid value' };
    return new ValidationError(first.field, first.message, list);
}
