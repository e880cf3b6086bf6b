// Age bands of the monitor, as named in the contract (MonitorDimension AGE_BAND): 18-26, 27-34, 35-44, 45-54 and
// 55 to AOW age. Bands rather than ages keep the report anonymous.
const BANDS: readonly { label: string; from: number }[] = [
  { label: '55-AOW', from: 55 },
  { label: '45-54', from: 45 },
  { label: '35-44', from: 35 },
  { label: '27-34', from: 27 },
  { label: '18-26', from: 0 },
];

export const AGE_BANDS = [...BANDS].reverse().map((band) => band.label);

export function ageBandOf(ageInYears: number): string {
  return BANDS.find((band) => ageInYears >= band.from)?.label ?? '18-26';
}
