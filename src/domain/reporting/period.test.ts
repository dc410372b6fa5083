import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  cadenceOf,
  comparePeriods,
  dueDate,
  isOnTime,
  nextPeriod,
  parsePeriod,
  periodBounds,
  periodOf,
  periodsBetween,
  previousPeriod,
  type Cadence,
  type Period,
} from './period.js';

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('periodOf', () => {
  it.each([
    ['2022-06-30', 'monthly', '2022-06'], // 2022年6月底前
    ['2022-07-01', 'monthly', '2022-07'],
    ['2022-09-30', 'quarterly', '2022Q3'], // 2022年9月底前
    ['2022-10-01', 'quarterly', '2022Q4'],
    ['2022-12-31', 'quarterly', '2022Q4'],
    ['2023-01-01', 'quarterly', '2023Q1'],
  ] as [string, Cadence, Period][])('%s (%s) → %s', (date, cadence, period) => {
    expect(periodOf(date, cadence)).toBe(period);
    expect(cadenceOf(period)).toBe(cadence);
  });

  it('is monthly by default and refuses a date that is not one', () => {
    expect(periodOf('2022-03-31')).toBe('2022-03');
    const e = thrown(() => periodOf('2022-02-30'));
    expect(e.key).toBe('error.invalid_date');
    expect(e.place.field).toBe('date');
  });
});

describe('dueDate', () => {
  it.each([
    ['2022-06', 25, '2022-06-25'],
    ['2022-06', 31, '2022-06-30'], // clamped to June's end
    ['2022-02', 31, '2022-02-28'], // due day 31 in February
    ['2024-02', 31, '2024-02-29'], // leap year
    ['2022-02', 28, '2022-02-28'],
    ['2022Q1', 31, '2022-03-31'], // quarterly: the due day of the quarter's last month
    ['2022Q2', 25, '2022-06-25'],
    ['2022Q4', 1, '2022-12-01'],
  ] as [Period, number, string][])('%s with due day %i → %s', (period, day, due) => {
    expect(dueDate(period, day)).toBe(due);
  });

  it.each([0, 32, 2.5, Number.NaN])('refuses due day %s, naming the field', (day) => {
    const e = thrown(() => dueDate('2022-06', day));
    expect(e.key).toBe('error.invalid_due_day');
    expect(e.place.field).toBe('dueDay');
  });

  it('says a report on the due date is on time and a day later is not', () => {
    expect(isOnTime('2022-06-25', '2022-06', 25)).toBe(true);
    expect(isOnTime('2022-06-26', '2022-06', 25)).toBe(false);
  });
});

describe('bounds, neighbours and ranges', () => {
  it.each([
    ['2022-02', '2022-02-01', '2022-02-28'],
    ['2022-12', '2022-12-01', '2022-12-31'],
    ['2022Q3', '2022-07-01', '2022-09-30'],
    ['2022Q4', '2022-10-01', '2022-12-31'],
  ] as [Period, string, string][])('%s runs %s … %s', (period, from, to) => {
    expect(periodBounds(period)).toEqual({ from, to });
  });

  it.each([
    ['2022-12', '2022-11', '2023-01'],
    ['2022-01', '2021-12', '2022-02'],
    ['2022Q1', '2021Q4', '2022Q2'],
    ['2022Q4', '2022Q3', '2023Q1'],
  ] as [Period, Period, Period][])('around %s: %s and %s', (p, prev, next) => {
    expect(previousPeriod(p)).toBe(prev);
    expect(nextPeriod(p)).toBe(next);
  });

  it('lists the periods between two, inclusive', () => {
    expect(periodsBetween('2022-11', '2023-02')).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(periodsBetween('2022Q3', '2023Q1')).toEqual(['2022Q3', '2022Q4', '2023Q1']);
    expect(periodsBetween('2022-06', '2022-06')).toEqual(['2022-06']);
    expect(periodsBetween('2022-06', '2022-05')).toEqual([]);
    expect(thrown(() => periodsBetween('2022-06', '2022Q3')).key).toBe('error.period_cadence_mismatch');
    expect(comparePeriods('2022-06', '2022-07')).toBeLessThan(0);
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2022-06', '2022-06'],
    ['2022Q2', '2022Q2'],
    ['2022q2', '2022Q2'],
    [' ２０２２Ｑ２ ', '2022Q2'],
  ])('%j → %s', (text, period) => expect(parsePeriod(text)).toBe(period));

  it.each(['2022-13', '2022-6', '2022Q5', '2022Q0', '22-06', '2022年6月', ''])(
    'refuses %j naming the field',
    (text) => {
      const e = thrown(() => parsePeriod(text, 'from'));
      expect(e.key).toBe('error.invalid_period');
      expect(e.params).toEqual({ value: text });
      expect(e.place.field).toBe('from');
    },
  );
});
