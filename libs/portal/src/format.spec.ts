import { PortalFormat } from './format';

describe('PortalFormat (the city\'s time zone)', () => {
  const denver = new PortalFormat('en', 'America/Denver');

  it('finds the instant a day begins in the city, across daylight saving time', () => {
    expect(denver.cityMidnight('2017-10-01')).toBe('2017-10-01T06:00:00.000Z'); // MDT, UTC-6
    expect(denver.cityMidnight('2017-12-01')).toBe('2017-12-01T07:00:00.000Z'); // MST, UTC-7
    expect(denver.cityMidnight('2018-03-11')).toBe('2018-03-11T07:00:00.000Z'); // the day clocks go forward, at 2 am
    expect(denver.cityMidnight('2018-11-04')).toBe('2018-11-04T06:00:00.000Z'); // the day they go back
    expect(new PortalFormat('es', 'Asia/Kolkata').cityMidnight('2020-01-01')).toBe('2019-12-31T18:30:00.000Z');
  });

  it('names the city\'s calendar day of an instant, and shows instants in the city\'s time, in the page\'s language', () => {
    expect(denver.cityDateOf('2017-10-01T05:59:59Z')).toBe('2017-09-30');
    expect(denver.cityDateOf('2017-10-01T06:00:00Z')).toBe('2017-10-01');
    expect(denver.instant('2017-08-28T23:40:00Z')).toBe('August 28, 2017 at 5:40 PM');
    expect(new PortalFormat('es', 'America/Denver').day('2017-09-01')).toBe('1 de septiembre de 2017');
  });
});
