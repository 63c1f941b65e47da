/**
 * How a lot's tonnes spread over the months of its window (DESIGN §1: "spread evenly over the
 * months unless a monthly profile is given"). One rule for the mass balance, the registry's
 * instance and the matching engine, so the chart and the solver never disagree about a lot.
 */

/**
 * Whether a monthly profile can be used for a window of `monthCount` months: one share per month,
 * every share a number ≥ 0, and at least one above 0. Any other profile is ignored and the lot is
 * spread evenly, everywhere alike.
 */
export function profileFits(profile: readonly number[] | undefined, monthCount: number): profile is readonly number[] {
  return (
    profile !== undefined &&
    profile.length === monthCount &&
    profile.every((share) => Number.isFinite(share) && share >= 0) &&
    profile.some((share) => share > 0)
  );
}

/**
 * A lot's tonnes per month of its window, in window order: in proportion to its monthly profile
 * when the profile fits (`profileFits`), else evenly. The parts add up to `tonnes`.
 * @param monthCount - months in the window, ≥ 0
 * @example spreadTonnes(300, 3) // [100, 100, 100]; spreadTonnes(300, 3, [1, 2, 0]) // [100, 200, 0]
 */
export function spreadTonnes(tonnes: number, monthCount: number, profile?: readonly number[]): number[] {
  const count = Math.max(0, monthCount);
  if (count === 0) return [];
  const shares = profileFits(profile, count) ? profile : new Array<number>(count).fill(1);
  const total = shares.reduce((sum, share) => sum + share, 0);
  return shares.map((share) => (tonnes * share) / total);
}
