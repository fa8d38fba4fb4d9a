/** Supplier detections and change windows (issue 7). */
export {
  redactCommandLine,
  type SourceInfo,
  type SourceLookup,
  SupplierAnalytic,
  type SupplierAnalyticOptions,
  serviceOfLogonType,
  serviceOfPort,
} from './supplier-analytic.js';
export {
  ChangeWindowSweep,
  type ChangeWindowSweepOptions,
  type CompiledWindow,
  compileWindows,
  escalateInWindows,
  windowAt,
} from './change-windows.js';
