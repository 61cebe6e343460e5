using System.Globalization;

namespace Rightscope.Core.Portfolios.Import;

/// <summary>
/// Numbers as people write them in holdings files: an optional sign, digits with an optional decimal separator,
/// thousands grouped by the other separator (groups of three) or by spaces, an optional exponent (1.2E+05, as
/// spreadsheets export large numbers), and for weights an optional trailing %. No currency symbols, no parentheses
/// for negatives.
/// </summary>
internal static class NumberText
{
    public static bool TryParse(string text, char decimalSeparator, out decimal value, out bool percent)
    {
        value = 0;
        var s = text.AsSpan().Trim();
        percent = s.EndsWith("%");
        if (percent)
        {
            s = s[..^1].TrimEnd();
        }

        if (s.IsEmpty || s.Length > 64)
        {
            return false;
        }

        var group = decimalSeparator == '.' ? ',' : '.';
        Span<char> buffer = stackalloc char[s.Length];
        var length = 0;
        var i = 0;
        if (s[0] is '+' or '-')
        {
            buffer[length++] = s[0];
            i++;
        }

        // Integer part: digits, with group separators (or spaces) between groups of three.
        var digitsInGroup = 0;
        var groups = 0;
        var integerDigits = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                digitsInGroup++;
                integerDigits++;
            }
            else if (c == group || c is ' ' or '\u00A0' or '\u202F')
            {
                if (digitsInGroup == 0 || (groups > 0 && digitsInGroup != 3) || (groups == 0 && digitsInGroup > 3))
                {
                    return false;
                }

                groups++;
                digitsInGroup = 0;
            }
            else
            {
                break;
            }
        }

        if (groups > 0 && digitsInGroup != 3)
        {
            return false;
        }

        if (i < s.Length && s[i] == decimalSeparator)
        {
            buffer[length++] = '.';
            i++;
            var fractionDigits = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                buffer[length++] = s[i];
                fractionDigits++;
            }

            if (fractionDigits == 0 && integerDigits == 0)
            {
                return false;
            }
        }
        else if (integerDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            buffer[length++] = 'E';
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                buffer[length++] = s[i++];
            }

            var exponentDigits = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                buffer[length++] = s[i];
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length
            && decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out value);
    }
}
