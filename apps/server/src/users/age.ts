/** Whole years from a date of birth to a day (both YYYY-MM-DD): a birthday counts on its day. */
export function ageOn(birthDate: string, day: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(day.slice(0, 4)), day.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/** Today, YYYY-MM-DD, in UTC: the age gate counts in UTC days. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
