using System.Runtime.CompilerServices;
using System.Globalization;

namespace Studio.Analysis.Ingest.Inference;

/// <summary>How a column writes its numbers.</summary>
public enum NumberFormat
{
    /// <summary>1234.5</summary>
    Plain,
    /// <summary>1,234.5 (comma groups thousands, dot marks decimals)</summary>
    CommaThousands,
    /// <summary>1.234,5 or 3,14 (comma marks decimals, dot groups thousands)</summary>
    CommaDecimal,
}

public static class NumberFormats
{
    private static readonly NumberFormatInfo CommaDecimalInfo = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
        PositiveSign = "+",
    };

    public static string Describe(NumberFormat format) => format switch
    {
        NumberFormat.CommaThousands => "comma thousands separator, dot decimal mark (1,234.5)",
        NumberFormat.CommaDecimal => "comma decimal mark, dot thousands separator (1.234,5)",
        _ => "plain (1234.5)",
    };

    /// <summary>
    /// Reads the column's writing style from its values. A lone comma followed by exactly three digits ("1,234")
    /// is read as a thousands separator unless other values show a comma decimal mark.
    /// </summary>
    public static NumberFormat Detect(IEnumerable<string> values, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(values);
        bool commaDecimalEvidence = false, commaThousandsEvidence = false;
        foreach (var raw in values)
        {
            var v = raw.AsSpan().Trim();
            var comma = v.IndexOf(',');
            if (comma < 0) continue;
            var dot = v.IndexOf('.');
            if (dot >= 0)
            {
                if (dot < comma) commaDecimalEvidence = true; else commaThousandsEvidence = true;
                continue;
            }
            var commas = v.Count(',');
            var digitsAfterLast = v.Length - v.LastIndexOf(',') - 1;
            if (commas == 1 && digitsAfterLast != 3) commaDecimalEvidence = true;
            else commaThousandsEvidence = true;
        }
        if (commaDecimalEvidence && (!commaThousandsEvidence || delimiter != ',')) return NumberFormat.CommaDecimal;
        return commaThousandsEvidence ? NumberFormat.CommaThousands : NumberFormat.Plain;
    }

    /// <summary>"007", "-01.5": a code whose zeros a number would lose, so inference never reads it as one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HasLeadingZero(ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        if (v.Length > 0 && (v[0] == '-' || v[0] == '+')) v = v[1..];
        return v.Length > 1 && v[0] == '0' && char.IsAsciiDigit(v[1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInteger(ReadOnlySpan<char> value, NumberFormat format, out long result)
    {
        var v = value.Trim();
        result = 0;
        if (!HasValidGrouping(v, format)) return false;
        return format switch
        {
            NumberFormat.CommaThousands => long.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture, out result),
            NumberFormat.CommaDecimal => long.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands,
                CommaDecimalInfo, out result),
            _ => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result),
        };
    }

    /// <summary>Parses a finite number; NaN and infinities are refused here (see <see cref="MissingValues.IsNonFinite"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDecimal(ReadOnlySpan<char> value, NumberFormat format, out double result)
    {
        var v = value.Trim();
        result = 0;
        if (!HasValidGrouping(v, format)) return false;
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        var ok = format switch
        {
            NumberFormat.CommaThousands => double.TryParse(v, styles | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out result),
            NumberFormat.CommaDecimal => double.TryParse(v, styles | NumberStyles.AllowThousands, CommaDecimalInfo, out result),
            _ => double.TryParse(v, styles, CultureInfo.InvariantCulture, out result),
        };
        return ok && double.IsFinite(result);
    }

    /// <summary>.NET accepts group separators anywhere; "2.5" must not become 25 in a comma-decimal column.</summary>
    private static bool HasValidGrouping(ReadOnlySpan<char> v, NumberFormat format)
    {
        if (format == NumberFormat.Plain) return true;
        var (group, mark) = format == NumberFormat.CommaThousands ? (',', '.') : ('.', ',');
        var markAt = v.IndexOf(mark);
        var integer = markAt >= 0 ? v[..markAt] : v;
        if (integer.IndexOf(group) < 0) return true;
        var groupLength = -1;
        foreach (var ch in integer)
        {
            if (ch == group)
            {
                if (groupLength == 0 || (groupLength > 3)) return false;
                groupLength = 0;
                continue;
            }
            if (groupLength >= 0 && char.IsAsciiDigit(ch)) groupLength++;
            else if (groupLength >= 0) return false;
        }
        return groupLength == 3;
    }
}
