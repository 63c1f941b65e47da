import { describeArealformaal, type ArealformaalCodeList } from "../zoning/arealformaal";

/**
 * The name of a code for reasons: from its own list, else from the other list (KP and RP share one
 * code space, and a kommuneplan file may use RP sub-codes such as 1161 Barnehage), else "code N".
 */
export function codeName(codeList: ArealformaalCodeList, code: number): string {
  const other: ArealformaalCodeList = codeList === "kp" ? "rp" : "kp";
  return describeArealformaal(codeList, code)?.name ?? describeArealformaal(other, code)?.name ?? `code ${code}`;
}
