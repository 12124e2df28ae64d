namespace Studio.Analysis.Export;

/// <summary>
/// How an exported value is written. Formula escaping applies to text only: a numeric column's -5 is a number in
/// both CSV and XLSX (a number cannot carry a formula), while the text "-5" or "=cmd" is prefixed with an apostrophe.
/// </summary>
public enum CellKind
{
    Empty,
    Number,
    Boolean,
    Text,
}

/// <summary>Classifies values and applies the formula-injection escape shared by the CSV and XLSX writers.</summary>
public static class ExportCells
{
    public static CellKind KindOf(object? value) => value switch
    {
        null => CellKind.Empty,
        double d when double.IsNaN(d) => CellKind.Empty,
        float f when float.IsNaN(f) => CellKind.Empty,
        double or float or decimal or int or long or short or sbyte or byte or uint or ulong or ushort => CellKind.Number,
        bool => CellKind.Boolean,
        _ => CellKind.Text,
    };

    /// <summary>
    /// True when the text needs the apostrophe: it starts with = + - @ tab or CR (a spreadsheet could read it as a
    /// formula), possibly after apostrophes of its own. Escaping those too keeps the rule reversible: an importer
    /// removes exactly one apostrophe from a cell of this shape and gets the original text back.
    /// </summary>
    public static bool LooksLikeFormula(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExcept('\'');
        return start >= 0 && text[start] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    public static string EscapeFormula(string text) => LooksLikeFormula(text) ? "'" + text : text;

    /// <summary>The inverse of <see cref="EscapeFormula"/>: "'=SUM(A1)" becomes "=SUM(A1)"; any other text is returned as is.</summary>
    public static ReadOnlySpan<char> UnescapeFormula(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '\'' && LooksLikeFormula(text[1..]) ? text[1..] : text;
}
