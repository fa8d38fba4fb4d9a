/** Supplier detections and change windows (issue 7). */
export { ChangeWindowSweep, type ChangeWindowSweepOptions, type CompiledWindow, compileWindows, escalateInWindows, windowAt, } from './change-windows.js';
export { redactCommandLine, type SourceInfo, type SourceLookup, SupplierAnalytic, type SupplierAnalyticOptions, serviceOfLogonType, serviceOfPort, } from './supplier-analytic.js';
