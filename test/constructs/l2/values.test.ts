/** Size and Duration convert between units; fractions are kept (validation reports them where a whole number is needed). */
import { Duration, Size } from '../../../constructs/index.js';

it('GIVEN sizes in MiB, GiB and TiB WHEN converted THEN the amounts are exact', () => {
  expect(Size.gibibytes(2).toMebibytes()).toBe(2048);
  expect(Size.tebibytes(1).toGibibytes()).toBe(1024);
  expect(Size.mebibytes(1536).toGibibytes()).toBe(1.5);
  expect(String(Size.gibibytes(3))).toBe('3 GiB');
});

it('GIVEN durations WHEN converted THEN they are in seconds', () => {
  expect(
    [Duration.seconds(5), Duration.minutes(2), Duration.hours(1), Duration.days(1)].map((d) => d.toSeconds()),
  ).toEqual([5, 120, 3600, 86400]);
});
