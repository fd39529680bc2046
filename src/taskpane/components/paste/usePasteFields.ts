// Area and Period ending on the paste screen: filled from a new paste (left blank where
// the paste names several, or none), and checked before an import.
import * as React from "react";
import type { CrimeTable } from "../../../core/model";
import {
  FieldProblems,
  areasIn,
  checkFields,
  hasSeveralAreas,
  hasSeveralPeriods,
  periodsIn,
} from "../../applyFields";

export interface PasteFields {
  area: string;
  setArea: (area: string) => void;
  period: string;
  setPeriod: (period: string) => void;
  problems: FieldProblems;
  areaRef: React.RefObject<HTMLInputElement | null>;
  periodRef: React.RefObject<HTMLInputElement | null>;
  /** Fills the fields from a new paste's tables; null (a paste that is no table) empties them. */
  fill: (tables: CrimeTable[] | null) => void;
  /** Whether the fields will do for these tables; if not, says why and focuses the first wrong one. */
  check: (tables: CrimeTable[]) => boolean;
}

export function usePasteFields(): PasteFields {
  const [area, setArea] = React.useState("");
  const [period, setPeriod] = React.useState("");
  const [problems, setProblems] = React.useState<FieldProblems>({});
  const areaRef = React.useRef<HTMLInputElement>(null);
  const periodRef = React.useRef<HTMLInputElement>(null);

  const fill = React.useCallback((tables: CrimeTable[] | null) => {
    if (tables === null) {
      setArea("");
      setPeriod("");
    } else {
      setArea(hasSeveralAreas(tables) ? "" : (areasIn(tables)[0] ?? ""));
      setPeriod(hasSeveralPeriods(tables) ? "" : (periodsIn(tables)[0] ?? ""));
    }
    setProblems({});
  }, []);

  const check = (tables: CrimeTable[]): boolean => {
    const found = checkFields(tables, area, period);
    setProblems(found);
    if (found.area) areaRef.current?.focus();
    else if (found.period) periodRef.current?.focus();
    return !found.area && !found.period;
  };

  // Editing a field answers its problem: the message goes, and Import checks again.
  const editArea = (value: string): void => {
    setArea(value);
    setProblems((p) => (p.area ? { ...p, area: undefined } : p));
  };
  const editPeriod = (value: string): void => {
    setPeriod(value);
    setProblems((p) => (p.period ? { ...p, period: undefined } : p));
  };

  return {
    area,
    setArea: editArea,
    period,
    setPeriod: editPeriod,
    problems,
    areaRef,
    periodRef,
    fill,
    check,
  };
}
