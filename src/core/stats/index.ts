// Statistics for crime figures: plain functions the anomaly rules, the workbook layout
// and the monitoring sheets share.
export { poissonChangeTest, deflatedCount } from "./poissonChangeTest";
export type { PoissonChangeResult } from "./poissonChangeTest";
export { wilson, zFor } from "./wilsonInterval";
export type { Interval } from "./wilsonInterval";
export { twoProportionTest, fisherExact } from "./twoProportionTest";
export type { TwoProportionResult } from "./twoProportionTest";
export {
  funnelLimits,
  funnelPosition,
  positionOfP,
  rateFunnel,
  changeFunnel,
} from "./funnelLimits";
export type {
  FunnelOptions,
  FunnelModel,
  FunnelLimits,
  FunnelPosition,
  FunnelSpec,
  RateMember,
  RateFunnelResult,
  ChangeMember,
  ChangeFunnelResult,
} from "./funnelLimits";
export {
  MIN_DISPERSION_MEMBERS,
  WINSORISE_BY,
  adjustedSd,
  chooseModel,
  countZ,
  dispersionOf,
  proportionZ,
  quantile7,
  winsorise,
} from "./overdispersion";
export type { Dispersion, DispersionModel } from "./overdispersion";
export { xmr, spcSignals, XMR_CONSTANT } from "./xmr";
export type { XmrLimits, SpcRule, SpcSignal, SpcOptions } from "./xmr";
export { StatsInputError } from "./statsInputError";
