/** A count given as text (a header, an attribute): a whole number ≥ 0, else `undefined`. */
export const countOf = (value: string | null): number | undefined => {
  const number = value === null ? NaN : Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
};
