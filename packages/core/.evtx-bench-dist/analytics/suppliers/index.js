/** Supplier detections and change windows (issue 7). */
export { ChangeWindowSweep, compileWindows, escalateInWindows, windowAt, } from './change-windows.js';
export { redactCommandLine, SupplierAnalytic, serviceOfLogonType, serviceOfPort, } from './supplier-analytic.js';
//# sourceMappingURL=index.js.map