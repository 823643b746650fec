// .NET numeric format strings as Serilog templates carry them (`{Elapsed:0.00}`,
// `{Count:N0}`, `{Id:X8}`), rendered with the invariant culture.
const STANDARD = /^([DdFfNnPpXxEeGg])(\d{0,2})$/;

/**
 * Formats a number by a .NET standard (`F2`, `N0`, `D5`, `X8`, `P1`, `E3`)
 * or custom (`0.00`, `#,##0.#`) format string; null when the format is not
 * one of those, so the caller renders the plain value.
 *
 * @example
 * formatNumber(1234.5, 'N2') // '1,234.50'
 * formatNumber(255, 'x4')    // '00ff'
 * formatNumber(3.14159, '0.00') // '3.14'
 */
export function formatNumber(n: number, format: string): string | null {
  const m = STANDARD.exec(format);
  if (m) return standard(n, m[1]!, m[2] === '' ? null : Number(m[2]));
  if (/^[#0,]*(\.[#0]+)?$/.test(format) && /[#0]/.test(format)) return custom(n, format);
  return null;
}

function standard(n: number, letter: string, precision: number | null): string | null {
  switch (letter) {
    case 'D':
    case 'd':
      if (!Number.isInteger(n)) return null;
      return (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(precision ?? 0, '0');
    case 'F':
    case 'f':
      return n.toFixed(precision ?? 2);
    case 'N':
    case 'n':
      return group(n.toFixed(precision ?? 2));
    case 'P':
    case 'p':
      return `${group((n * 100).toFixed(precision ?? 2))} %`;
    case 'X':
    case 'x': {
      if (!Number.isInteger(n) || n < 0) return null;
      const hex = n.toString(16).padStart(precision ?? 0, '0');
      return letter === 'X' ? hex.toUpperCase() : hex;
    }
    case 'E':
    case 'e':
      return exponent(n, precision ?? 6, letter);
    default:
      return precision === null ? String(n) : String(Number(n.toPrecision(Math.max(1, precision))));
  }
}

function exponent(n: number, digits: number, letter: string): string {
  const [mantissa = '', power = '0'] = n.toExponential(digits).split('e');
  const sign = power.startsWith('-') ? '-' : '+';
  return `${mantissa}${letter}${sign}${power.replace(/^[+-]/, '').padStart(3, '0')}`;
}

function custom(n: number, format: string): string {
  const [integerPart = '', fractionPart = ''] = format.split('.');
  const maxDecimals = fractionPart.length;
  const minDecimals = fractionPart.replace(/#+$/, '').length;
  let text = n.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    text = text.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '');
  }
  const minInteger = (integerPart.match(/0/g) ?? []).length;
  const negative = text.startsWith('-');
  const [digits = '', fraction] = (negative ? text.slice(1) : text).split('.');
  let whole = digits.padStart(minInteger, '0');
  if (minInteger === 0 && whole === '0') whole = '';
  if (integerPart.includes(',')) whole = group(whole);
  const body = fraction === undefined ? whole : `${whole}.${fraction}`;
  return (negative ? '-' : '') + (body === '' ? '0' : body);
}

function group(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}
