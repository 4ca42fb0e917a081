"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FINISHED_EXECUTION_STATUSES = void 0;
exports.FINISHED_EXECUTION_STATUSES = ['success', 'error', 'canceled', 'crashed'];
